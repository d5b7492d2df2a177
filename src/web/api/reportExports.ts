/** Exports of a report (src/contracts/report-exports.ts): Excel and Word files, the print view. */
import type { JobState } from '../../contracts/jobs';
import type { ExportFormat, ExportJobResult } from '../../contracts/report-exports';
import type { RunReportRequest } from '../../contracts/reports';
import { apiSendForFile, buildUrl } from './client';

export type { ExportFormat, ExportJobResult } from '../../contracts/report-exports';

/** A small report answers with its file; a large one with a job to follow, whose file is then downloaded. */
export const startExport = (format: ExportFormat, request: RunReportRequest, signal?: AbortSignal) =>
  apiSendForFile<JobState>('/api/reports/export', { format, ...request }, signal);

export const exportFileUrl = (jobId: number) => `/api/reports/export/${jobId}/file`;

export const printViewUrl = (request: RunReportRequest) => buildUrl('/api/reports/print', { ...request });

export function exportResultOf(state: JobState): ExportJobResult | undefined {
  return state.status === 'succeeded' ? (state.result as ExportJobResult) : undefined;
}

/** Hands a file to the browser as a download under its name. */
export function saveFile(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
