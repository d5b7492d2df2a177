import { Type } from 'typebox';
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
import { JobState } from '../../../contracts/jobs.js';
import { DeleteRecordBody, ImportQuery, XlsxFile } from '../../../contracts/registry.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { readUploadedFile } from '../../http/upload.js';
import { attachmentHeader, XLSX_MIME } from '../../registry/xlsx.js';
import { startJob } from '../jobs/jobs.service.js';
import { exportDocuments } from './documents.export.js';
import { buildDocumentsTemplate, runDocumentsImport } from './documents.import.js';
import * as documents from './documents.service.js';

const tags = ['Văn bản chỉ đạo'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };
const changeErrors = { ...errors, 409: ErrorResponse };
export const DOCUMENTS_IMPORT_JOB = 'documents.import';

export async function documentsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  api.addHook('onReady', async () => {
    await documents.ensureSeededDocuments(db);
  });
  deps.jobs.register(DOCUMENTS_IMPORT_JOB, (job) =>
    runDocumentsImport(db, job.actor, job.input!, { dryRun: job.params.dryRun === true }, job.progress),
  );
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
    '/documents/import/template',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary: 'Tệp Excel mẫu để nhập văn bản (thông tin văn bản; tệp tải lên sau ở từng văn bản)',
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (request, reply) => {
      const file = await buildDocumentsTemplate(db, requireActor(request));
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentHeader('Mẫu nhập văn bản.xlsx'))
        .send(file);
    },
  );

  api.post(
    '/documents/import',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary:
          'Nhập Excel văn bản (thông tin văn bản; tệp tải lên sau ở từng văn bản) (multipart, trường "file"): kiểm tra mọi dòng trước, có lỗi thì không ghi gì. ' +
          'Trả 200 khi đã xong, 202 khi còn đang xử lý (theo dõi ở GET /api/jobs/:id)',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: { 200: JobState, 202: JobState, 413: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readUploadedFile(request);
      const state = await startJob(
        db,
        deps.jobs,
        actor,
        DOCUMENTS_IMPORT_JOB,
        { dryRun: request.query.dryRun === true },
        file,
      );
      return reply.status(state.status === 'succeeded' || state.status === 'failed' ? 200 : 202).send(state);
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

  api.delete(
    '/documents/:id',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary:
          'Xóa văn bản ghi nhầm, kèm lý do (ghi nhật ký cùng bản ghi như trước khi xóa); không xóa văn bản có sẵn hoặc đang được văn bản, hoạt động khác dẫn tới',
        params: DocumentIdParams,
        body: DeleteRecordBody,
        response: { 204: Type.Null(), ...changeErrors },
      },
    },
    async (request, reply) => {
      await documents.deleteDocument(
        db,
        deps.files,
        requireActor(request),
        request.params.id,
        request.body.reason,
      );
      return reply.status(204).send(null);
    },
  );
}
