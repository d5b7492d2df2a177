/**
 * Exports of a report run (Excel, Word, print view). The run comes from the report runner, so the files show the
 * numbers of the screen. A report of the whole country or of a period longer than LARGE_PERIOD_DAYS (a multi-year
 * phase such as 2014–2023) is computed by a background job with progress and downloaded when done; any other is
 * computed and sent in the same request. Every export and print is audited (who, which template, unit, period).
 */
import type {
  ExportFormat,
  ExportJobResult,
  ExportReportRequest,
} from '../../../contracts/report-exports.js';
import type { ReportRun, RunReportRequest } from '../../../contracts/reports.js';
import { invalid, notFound } from '../../../domain/errors.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { inTransaction } from '../../db/transaction.js';
import { recordAudit } from '../audit/audit.service.js';
import { storeJobOutput } from '../jobs/jobs.service.js';
import { reportDocxBuffer } from './reports.docx.js';
import * as repo from './reports.export.repo.js';
import { reportFileName } from './reports.layout.js';
import { reportXlsxBuffer } from './reports.xlsx.js';

export const REPORT_EXPORT_JOB = 'reports.export';
/**
 * Longer periods (a phase review over several years) run as a job: their comparison doubles the span and they are
 * the reports that sum the most facts. A year (366 days) plus a margin stays in the request.
 */
export const LARGE_PERIOD_DAYS = 400;

export type RunReport = (db: Database, actor: Actor, request: RunReportRequest) => Promise<ReportRun>;

export const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function periodDays(request: RunReportRequest): number {
  return Math.round((Date.parse(request.to) - Date.parse(request.from)) / 86_400_000) + 1;
}

/** Whether the export runs as a background job: the whole country, or a period longer than LARGE_PERIOD_DAYS. */
export function runsAsJob(actor: Actor, request: RunReportRequest): boolean {
  const national = request.unit === undefined && actor.unitId === null;
  return national || periodDays(request) > LARGE_PERIOD_DAYS;
}

function runRequest(request: ExportReportRequest | RunReportRequest): RunReportRequest {
  const { template, unit, from, to, basis } = request;
  return {
    template,
    from,
    to,
    ...(unit === undefined ? {} : { unit }),
    ...(basis === undefined ? {} : { basis }),
  };
}

/**
 * Checks what can be checked before a job is queued: the range, and that the unit is in the reader's scope (an
 * out-of-scope unit answers 404, as the runner would).
 */
export async function checkRequest(db: Database, actor: Actor, request: RunReportRequest): Promise<void> {
  if (request.from > request.to) {
    throw invalid('reports.range', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', 'to');
  }
  if (request.unit !== undefined && !(await repo.findUnitInScope(db, actor.scope, request.unit))) {
    throw notFound('reports.unit_not_found', 'Không tìm thấy đơn vị trong phạm vi của bạn');
  }
}

/** Runs the report and writes the audit event of its export or print, in one transaction. */
export async function runAudited(
  db: Database,
  actor: Actor,
  runReport: RunReport,
  request: RunReportRequest,
  purpose: ExportFormat | 'print',
): Promise<ReportRun> {
  return inTransaction(db, async (tx) => {
    const run = await runReport(tx, actor, runRequest(request));
    const unit = run.unit ? await repo.findUnitInScope(tx, actor.scope, run.unit.id) : undefined;
    await recordAudit(tx, actor, {
      action: purpose === 'print' ? 'report.print' : 'report.export',
      entityType: 'report_template',
      entityId: run.template.id,
      unitId: run.unit?.id ?? null,
      provinceCode: unit?.provinceCode ?? null,
      details: {
        template: run.template.code,
        format: purpose,
        from: run.period.from,
        to: run.period.to,
        basis: run.basis,
      },
    });
    return run;
  });
}

export async function renderFile(
  run: ReportRun,
  format: ExportFormat,
  onProgress?: (done: number, total: number) => void,
): Promise<{ fileName: string; file: Buffer }> {
  const fileName = reportFileName(run, format);
  const file = format === 'xlsx' ? await reportXlsxBuffer(run, onProgress) : await reportDocxBuffer(run);
  return { fileName, file };
}

/** The job: run the report, make the file, keep it with the job for its user to download. */
export function exportJobHandler(db: Database, runReport: RunReport) {
  return async (job: {
    jobId: number;
    actor: Actor;
    params: Record<string, unknown>;
    progress(phase: string, done: number, total: number, percent: number): void;
  }): Promise<ExportJobResult> => {
    const request = job.params.request as ExportReportRequest;
    job.progress('Tổng hợp số liệu', 0, 2, 5);
    const run = await runAudited(db, job.actor, runReport, request, request.format);
    job.progress(request.format === 'xlsx' ? 'Tạo tệp Excel' : 'Tạo tệp Word', 1, 2, 60);
    const { fileName, file } = await renderFile(run, request.format, (done, total) =>
      job.progress('Tạo tệp Excel', 1, 2, 60 + Math.floor((35 * done) / total)),
    );
    await storeJobOutput(db, job.jobId, file);
    return { fileName, format: request.format, size: file.length };
  };
}
