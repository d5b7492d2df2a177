/** Excel export of the document list as filtered on screen. */
import type { Readable } from 'node:stream';
import type { DocumentExportQuery } from '../../../contracts/documents.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_RELATION_LABELS,
  type DocumentKind,
  type DocumentRelation,
} from '../../../domain/documents.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { filterLine, numberedPages, rangePhrase, unitPhrase } from '../../registry/export.js';
import { toRecordUnit } from '../../registry/units.js';
import { streamWorkbook } from '../../registry/xlsx.js';
import * as repo from './documents.repo.js';
import { documentFilter } from './documents.service.js';

type Row = repo.DocumentListRow & { index: number };

export async function exportDocuments(
  db: Database,
  actor: Actor,
  query: DocumentExportQuery,
): Promise<{ fileName: string; stream: Readable }> {
  const today = todayInVietnam();
  const filter = await documentFilter(db, actor, query);
  const line = filterLine([
    query.unit ? await unitPhrase(db, actor, query.unit) : null,
    query.kind?.length ? `Loại: ${query.kind.map((kind) => DOCUMENT_KIND_LABELS[kind]).join(', ')}` : null,
    query.central === undefined ? null : query.central ? 'Văn bản Trung ương' : 'Văn bản của đơn vị',
    query.q ? `Tìm: "${query.q}"` : null,
    rangePhrase('Ban hành', query.from, query.to),
    query.asOf ? `Còn hiệu lực ngày ${formatDateVi(query.asOf)}` : null,
  ]);
  const stream = streamWorkbook({
    title: 'DANH SÁCH VĂN BẢN CHỈ ĐẠO',
    filterLine: line,
    generatedBy: actor.username,
    sheets: [
      {
        name: 'Văn bản',
        pages: () =>
          numberedPages(
            async (limit, offset) =>
              (await repo.listDocuments(db, filter, { sort: query.sort, limit, offset, today })).rows,
          ),
        columns: [
          { header: 'STT', width: 6, value: (row: Row) => row.index },
          { header: 'Loại', width: 16, value: (row: Row) => DOCUMENT_KIND_LABELS[row.kind as DocumentKind] },
          { header: 'Số, ký hiệu', width: 22, value: (row: Row) => row.number },
          { header: 'Cơ quan ban hành', width: 30, value: (row: Row) => row.issuer },
          { header: 'Ngày ban hành', width: 14, format: 'date', value: (row: Row) => row.issuedOn },
          { header: 'Năm', width: 8, format: 'integer', value: (row: Row) => row.issuedYear },
          { header: 'Trích yếu', width: 60, value: (row: Row) => row.title },
          { header: 'Có hiệu lực từ', width: 14, format: 'date', value: (row: Row) => row.effectiveFrom },
          { header: 'Hết hiệu lực', width: 14, format: 'date', value: (row: Row) => row.effectiveTo },
          {
            header: 'Đơn vị',
            width: 28,
            value: (row: Row) => (row.unit ? toRecordUnit(row.unit).fullName : 'Trung ương'),
          },
          {
            header: 'Liên kết',
            width: 40,
            value: (row: Row) =>
              row.links
                .map(
                  (link) =>
                    `${DOCUMENT_RELATION_LABELS[link.relation as DocumentRelation]} ${link.document.number}`,
                )
                .join('; ') || null,
          },
          {
            header: 'Số văn bản thực hiện',
            width: 12,
            format: 'integer',
            value: (row: Row) => row.implementedByCount,
          },
          { header: 'Ghi chú', width: 30, value: (row: Row) => row.notes },
        ],
      },
    ],
  });
  return { fileName: `Danh sách văn bản ${today}.xlsx`, stream };
}
