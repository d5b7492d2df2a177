/**
 * Exports of a report run: Excel and Word files (sent at once, or made by a background job for a large report),
 * and the print view. The run itself is described in ./reports.ts.
 */
import { type Static, Type } from 'typebox';
import { StringEnum } from './common.js';
import { RunReportRequest } from './reports.js';

export const EXPORT_FORMATS = ['xlsx', 'docx'] as const;
export const ExportFormat = StringEnum(EXPORT_FORMATS, { description: 'xlsx (Excel) hoặc docx (Word)' });
export type ExportFormat = Static<typeof ExportFormat>;

export const ExportReportRequest = Type.Object(
  { format: ExportFormat, ...RunReportRequest.properties },
  { additionalProperties: false },
);
export type ExportReportRequest = Static<typeof ExportReportRequest>;

/** What a finished export job leaves in its result; the file is at GET /api/reports/export/:id/file. */
export const ExportJobResult = Type.Object({
  fileName: Type.String(),
  format: ExportFormat,
  size: Type.Integer({ minimum: 0 }),
});
export type ExportJobResult = Static<typeof ExportJobResult>;

export const ExportFileResponse = {
  description: 'Tệp Excel (.xlsx) hoặc Word (.docx)',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};

export const PrintViewResponse = {
  description: 'Trang HTML khổ A4 để in hoặc lưu PDF',
  content: { 'text/html': { schema: { type: 'string' } } },
};
