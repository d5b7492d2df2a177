/** Excel export of the award list as filtered on screen. */
import type { Readable } from 'node:stream';
import type { AwardExportQuery } from '../../../contracts/awards.js';
import {
  AWARD_REASON_LABELS,
  AWARD_STATUS_LABELS,
  type AwardReason,
  type AwardStatus,
  periodLabel,
  RECIPIENT_CLASS_LABELS,
  type RecipientClass,
} from '../../../domain/awards.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { filterLine, numberedPages, rangePhrase, unitPhrase } from '../../registry/export.js';
import { toRecordUnit } from '../../registry/units.js';
import { streamWorkbook } from '../../registry/xlsx.js';
import * as repo from './awards.repo.js';
import { awardFilter, listOptions } from './awards.service.js';

type Row = repo.AwardListRow & { index: number };

export async function exportAwards(
  db: Database,
  actor: Actor,
  query: AwardExportQuery,
): Promise<{ fileName: string; stream: Readable }> {
  const today = todayInVietnam();
  const filter = await awardFilter(db, actor, query);
  const { forms, issuers } = await listOptions(db);
  const names = (ids: readonly number[], items: typeof forms) =>
    ids.map((id) => items.find((item) => item.id === id)?.name ?? `#${id}`).join(', ');
  const line = filterLine([
    await unitPhrase(db, actor, query.unit),
    query.status?.length
      ? `Trạng thái: ${query.status.map((status) => AWARD_STATUS_LABELS[status]).join(', ')}`
      : null,
    query.form?.length ? `Hình thức: ${names(query.form, forms)}` : null,
    query.issuer?.length ? `Cấp khen: ${names(query.issuer, issuers)}` : null,
    query.recipientClass ? RECIPIENT_CLASS_LABELS[query.recipientClass] : null,
    query.q ? `Tìm: "${query.q}"` : null,
    rangePhrase('Quyết định', query.from, query.to),
    query.asOf ? `Có quyết định đến ngày ${formatDateVi(query.asOf)}` : null,
  ]);
  const stream = streamWorkbook({
    title: 'DANH SÁCH KHEN THƯỞNG TRONG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC',
    filterLine: line,
    generatedBy: actor.username,
    sheets: [
      {
        name: 'Khen thưởng',
        pages: () =>
          numberedPages(
            async (limit, offset) =>
              (await repo.listAwards(db, filter, { sort: query.sort, limit, offset, today })).rows,
          ),
        columns: [
          { header: 'STT', width: 6, value: (row: Row) => row.index },
          { header: 'Người, tập thể được khen', width: 34, value: (row: Row) => row.recipientName },
          {
            header: 'Tập thể/cá nhân',
            width: 12,
            value: (row: Row) => RECIPIENT_CLASS_LABELS[row.recipientClass as RecipientClass],
          },
          { header: 'Chức vụ', width: 20, value: (row: Row) => row.recipientPosition },
          { header: 'Nơi công tác', width: 26, value: (row: Row) => row.recipientWorkplace },
          { header: 'Đơn vị', width: 28, value: (row: Row) => toRecordUnit(row.unit).fullName },
          { header: 'Thuộc', width: 24, value: (row: Row) => toRecordUnit(row.unit).parentName },
          { header: 'Hình thức', width: 16, value: (row: Row) => row.form.name },
          { header: 'Cấp khen', width: 24, value: (row: Row) => row.issuer.name },
          { header: 'Số quyết định', width: 18, value: (row: Row) => row.decisionNumber },
          { header: 'Ngày quyết định', width: 14, format: 'date', value: (row: Row) => row.decisionDate },
          {
            header: 'Thành tích',
            width: 20,
            value: (row: Row) => AWARD_REASON_LABELS[row.reason as AwardReason],
          },
          { header: 'Nội dung thành tích', width: 30, value: (row: Row) => row.reasonText },
          {
            header: 'Thời kỳ',
            width: 12,
            value: (row: Row) => periodLabel(row.periodFrom, row.periodTo),
          },
          { header: 'Đợt, phong trào', width: 24, value: (row: Row) => row.phase },
          {
            header: 'Trạng thái',
            width: 16,
            value: (row: Row) => AWARD_STATUS_LABELS[row.status as AwardStatus],
          },
          { header: 'Ngày đề nghị', width: 14, format: 'date', value: (row: Row) => row.proposedOn },
          { header: 'Tệp đính kèm', width: 10, format: 'integer', value: (row: Row) => row.attachmentCount },
          { header: 'Ghi chú', width: 30, value: (row: Row) => row.notes },
        ],
      },
    ],
  });
  return { fileName: `Danh sách khen thưởng ${today}.xlsx`, stream };
}
