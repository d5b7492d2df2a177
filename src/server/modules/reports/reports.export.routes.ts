import { ErrorResponse, errorResponses } from '../../../contracts/common.js';
import { JobIdParams, JobState } from '../../../contracts/jobs.js';
import {
  ExportFileResponse,
  type ExportJobResult,
  ExportReportRequest,
  PrintViewResponse,
} from '../../../contracts/report-exports.js';
import { RunReportRequest } from '../../../contracts/reports.js';
import type { AppDeps } from '../../app.js';
import { requireActor } from '../../http/auth.js';
import type { Api } from '../../http/types.js';
import { jobOutput, startJob } from '../jobs/jobs.service.js';
import {
  checkRequest,
  exportJobHandler,
  MIME,
  REPORT_EXPORT_JOB,
  renderFile,
  runAudited,
  runsAsJob,
} from './reports.export.js';
import { attachmentDisposition, reportFileName } from './reports.layout.js';
import { reportPrintHtml } from './reports.print.js';
import { runReport } from './reports.service.js';
import { streamReportXlsx } from './reports.xlsx.js';

const tags = ['Báo cáo'];
const errors = { ...errorResponses, 401: ErrorResponse, 403: ErrorResponse };

export async function reportExportRoutes(api: Api, deps: AppDeps): Promise<void> {
  const db = deps.database.db;
  deps.jobs.register(REPORT_EXPORT_JOB, exportJobHandler(db, runReport));

  api.post(
    '/reports/export',
    {
      config: { permission: 'reports.export' },
      schema: {
        tags,
        summary:
          'Xuất báo cáo ra Excel hoặc Word. Trả 200 kèm tệp; báo cáo toàn quốc hoặc kỳ dài hơn 400 ngày (giai đoạn) ' +
          'chạy nền: trả 202 (theo dõi ở GET /api/jobs/:id, tải tệp ở GET /api/reports/export/:id/file)',
        body: ExportReportRequest,
        response: { 200: ExportFileResponse, 202: JobState, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      await checkRequest(db, actor, body);
      if (runsAsJob(actor, body)) {
        const state = await startJob(db, deps.jobs, actor, REPORT_EXPORT_JOB, { request: body }, null, 1500);
        return reply.code(202).send(state);
      }
      const run = await runAudited(db, actor, runReport, body, body.format);
      if (body.format === 'xlsx') {
        const fileName = reportFileName(run, 'xlsx');
        return reply
          .type(MIME.xlsx)
          .header('content-disposition', attachmentDisposition(fileName))
          .send(streamReportXlsx(run));
      }
      const { fileName, file } = await renderFile(run, body.format);
      return reply
        .type(MIME[body.format])
        .header('content-disposition', attachmentDisposition(fileName))
        .send(file);
    },
  );

  api.get(
    '/reports/export/:id/file',
    {
      config: { permission: 'reports.export' },
      schema: {
        tags,
        summary: 'Tải tệp của một lần xuất báo cáo chạy nền (chỉ người đã yêu cầu)',
        params: JobIdParams,
        response: { 200: ExportFileResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { result, output } = await jobOutput(
        db,
        requireActor(request),
        request.params.id,
        REPORT_EXPORT_JOB,
      );
      const { fileName, format } = result as ExportJobResult;
      return reply
        .type(MIME[format])
        .header('content-disposition', attachmentDisposition(fileName))
        .send(output);
    },
  );

  api.get(
    '/reports/print',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'Bản in của báo cáo (trang HTML khổ A4, thể thức Nghị định 30/2020) để in hoặc lưu PDF',
        querystring: RunReportRequest,
        response: { 200: PrintViewResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await checkRequest(db, actor, request.query);
      const run = await runAudited(db, actor, runReport, request.query, 'print');
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(reportPrintHtml(run));
    },
  );
}
