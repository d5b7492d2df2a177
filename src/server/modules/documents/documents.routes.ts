import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  CreateDocumentBody,
  DocumentDetail,
  DocumentExportQuery,
  DocumentIdParams,
  DocumentList,
  DocumentListQuery,
  DocumentPlans,
  DocumentPlansQuery,
  UpdateDocumentBody,
} from '../../../contracts/documents.js';
import { XlsxFile } from '../../../contracts/registry.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { attachmentHeader, XLSX_MIME } from '../../registry/xlsx.js';
import { exportDocuments } from './documents.export.js';
import * as documents from './documents.service.js';

const tags = ['Văn bản chỉ đạo'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };

export async function documentsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  api.addHook('onReady', async () => {
    await documents.ensureSeededDocuments(db);
  });
  deps.attachmentOwners.register({
    entityType: 'document',
    label: 'văn bản',
    readPermission: 'documents.read',
    writePermission: 'documents.write',
    find: async (tx, scope, id) => {
      const row = await documents.findVisibleDocument(tx, scope, id);
      return row ? { unitId: row.unitId, provinceCode: row.provinceCode } : undefined;
    },
  });

  api.get(
    '/documents',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary:
          'Danh sách văn bản: lọc theo đơn vị, loại, văn bản được thực hiện, ngày ban hành, còn hiệu lực; tìm không dấu',
        querystring: DocumentListQuery,
        response: { 200: DocumentList, ...errors },
      },
    },
    (request) => documents.listDocuments(db, requireActor(request), request.query),
  );

  api.get(
    '/documents/export',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Xuất Excel danh sách văn bản theo bộ lọc đang xem',
        querystring: DocumentExportQuery,
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, stream } = await exportDocuments(db, requireActor(request), request.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentHeader(fileName)).send(stream);
    },
  );

  api.get(
    '/documents/:id',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Chi tiết văn bản: liên kết hai chiều, tệp đính kèm, lịch sử',
        params: DocumentIdParams,
        response: { 200: DocumentDetail, ...errors },
      },
    },
    (request) => documents.getDocument(db, requireActor(request), request.params.id),
  );

  api.get(
    '/documents/:id/plans',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary:
          'Kế hoạch của các đơn vị thực hiện văn bản; các xã, phường thuộc đơn vị xem đã có hay chưa có kế hoạch',
        params: DocumentIdParams,
        querystring: DocumentPlansQuery,
        response: { 200: DocumentPlans, ...errors },
      },
    },
    (request) => documents.documentPlans(db, requireActor(request), request.params.id, request.query.unit),
  );

  api.post(
    '/documents',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Ghi văn bản (kế hoạch của đơn vị thực hiện một văn bản cấp trên: liên kết "implements")',
        body: CreateDocumentBody,
        response: { 201: DocumentDetail, ...changeErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await documents.createDocument(db, requireActor(request), request.body)),
  );

  api.patch(
    '/documents/:id',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Sửa văn bản và các liên kết của nó',
        params: DocumentIdParams,
        body: UpdateDocumentBody,
        response: { 200: DocumentDetail, ...changeErrors },
      },
    },
    (request) => documents.updateDocument(db, requireActor(request), request.params.id, request.body),
  );
}
