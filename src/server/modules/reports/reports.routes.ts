/**
 * Reports over HTTP: the indicator catalogue, templates (list, read, create, edit, copy), running a template and
 * the drill-down to the records behind a number. Exports (xlsx, docx, print) are added next to these.
 */
import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import {
  CopyTemplateBody,
  DrillDownQuery,
  DrillDownResponse,
  IndicatorCatalogue,
  ReportRun,
  ReportTemplate,
  ReportTemplateBody,
  ReportTemplateIdParams,
  ReportTemplateList,
  RunReportRequest,
} from '../../../contracts/reports.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import * as reports from './reports.service.js';

const tags = ['Báo cáo'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };

export async function reportsRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  // Idempotent: a database made before the templates existed (or a test database) gets them on start.
  api.addHook('onReady', async () => {
    await reports.ensureBuiltInTemplates(db);
  });

  api.get(
    '/indicators',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'Danh mục chỉ tiêu: mã, tên, đơn vị tính, cách tổng hợp, chiều phân tổ và các giá trị',
        response: { 200: IndicatorCatalogue, ...errors },
      },
    },
    () => reports.indicatorCatalogue(db),
  );

  api.get(
    '/reports/templates',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'Mẫu báo cáo: các mẫu có sẵn và các mẫu của đơn vị trong phạm vi',
        response: { 200: ReportTemplateList, ...errors },
      },
    },
    (request) => reports.listTemplates(db, requireActor(request)),
  );

  api.get(
    '/reports/templates/:id',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'Một mẫu báo cáo',
        params: ReportTemplateIdParams,
        response: { 200: ReportTemplate, ...errors },
      },
    },
    (request) => reports.getTemplate(db, requireActor(request), request.params.id),
  );

  api.post(
    '/reports/templates',
    {
      config: { permission: 'reports.templates' },
      schema: {
        tags,
        summary: 'Tạo mẫu báo cáo của đơn vị',
        body: ReportTemplateBody,
        response: { 201: ReportTemplate, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.createTemplate(db, requireActor(request), request.body)),
  );

  api.put(
    '/reports/templates/:id',
    {
      config: { permission: 'reports.templates' },
      schema: {
        tags,
        summary: 'Sửa mẫu báo cáo của đơn vị (mẫu có sẵn không sửa được: hãy sao chép)',
        params: ReportTemplateIdParams,
        body: ReportTemplateBody,
        response: { 200: ReportTemplate, ...errors },
      },
    },
    (request) => reports.updateTemplate(db, requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/reports/templates/:id/copy',
    {
      config: { permission: 'reports.templates' },
      schema: {
        tags,
        summary: 'Sao chép một mẫu báo cáo thành mẫu của đơn vị mình',
        params: ReportTemplateIdParams,
        body: CopyTemplateBody,
        response: { 201: ReportTemplate, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await reports.copyTemplate(db, requireActor(request), request.params.id, request.body ?? {})),
  );

  api.post(
    '/reports/run',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary:
          'Lập báo cáo theo mẫu cho một đơn vị và một kỳ: các phần, cột so sánh, số liệu theo đơn vị, nhận xét',
        body: RunReportRequest,
        response: { 200: ReportRun, ...errors },
      },
    },
    (request) => reports.runReport(db, requireActor(request), request.body),
  );

  api.get(
    '/reports/drill-down',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'Các hồ sơ tạo nên một số liệu của báo cáo, trong phạm vi người xem',
        querystring: DrillDownQuery,
        response: { 200: DrillDownResponse, ...errors },
      },
    },
    (request) => reports.drillDown(db, requireActor(request), request.query),
  );
}
