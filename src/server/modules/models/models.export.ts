/** Excel export of the model list as filtered on screen. */
import type { Readable } from 'node:stream';
import type { ModelExportQuery } from '../../../contracts/models.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import { MODEL_RATING_LABELS, MODEL_STATUS_LABELS } from '../../../domain/models.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { filterLine, numberedPages, rangePhrase, unitPhrase } from '../../registry/export.js';
import { checkRange } from '../../registry/list.js';
import { toRecordUnit } from '../../registry/units.js';
import { streamWorkbook } from '../../registry/xlsx.js';
import * as repo from './models.repo.js';
import { modelFilter } from './models.service.js';

type Row = repo.ModelListRow & { index: number };

export async function exportModels(
  db: Database,
  actor: Actor,
  query: ModelExportQuery,
): Promise<{ fileName: string; stream: Readable }> {
  const today = todayInVietnam();
  checkRange(query.from, query.to);
  const filter = await modelFilter(db, actor, query, today);
  const kinds = await repo.listKinds(db);
  const line = filterLine([
    await unitPhrase(db, actor, query.unit),
    query.kind?.length
      ? `Loại: ${query.kind.map((id) => kinds.find((kind) => kind.id === id)?.name ?? `#${id}`).join(', ')}`
      : null,
    query.status?.length
      ? `Trạng thái: ${query.status.map((status) => MODEL_STATUS_LABELS[status]).join(', ')}`
      : null,
    query.exemplary === undefined ? null : query.exemplary ? 'Điển hình tiên tiến' : 'Không phải điển hình',
    query.camera ? 'Chỉ mô hình camera' : null,
    query.q ? `Tìm: "${query.q}"` : null,
    rangePhrase('Bắt đầu', query.from, query.to),
    `Tại ngày ${formatDateVi(filter.date)}`,
  ]);
  const stream = streamWorkbook({
    title: 'DANH SÁCH MÔ HÌNH TỰ QUẢN VỀ AN NINH, TRẬT TỰ',
    filterLine: line,
    generatedBy: actor.username,
    sheets: [
      {
        name: 'Mô hình',
        pages: () =>
          numberedPages(
            async (limit, offset) =>
              (await repo.listModels(db, filter, { sort: query.sort, limit, offset, today })).rows,
          ),
        columns: [
          { header: 'STT', width: 6, value: (row: Row) => row.index },
          { header: 'Tên mô hình', width: 40, value: (row: Row) => row.name },
          { header: 'Loại', width: 30, value: (row: Row) => row.kind.name },
          { header: 'Đơn vị chủ trì', width: 28, value: (row: Row) => toRecordUnit(row.leadUnit).fullName },
          { header: 'Thuộc', width: 24, value: (row: Row) => toRecordUnit(row.leadUnit).parentName },
          {
            header: 'Đơn vị cùng thực hiện',
            width: 34,
            value: (row: Row) =>
              row.units
                .filter((entry) => !entry.lead)
                .map((entry) => toRecordUnit(entry.unit).fullName)
                .join('; ') || null,
          },
          { header: 'Ngày bắt đầu', width: 14, format: 'date', value: (row: Row) => row.startedOn },
          {
            header: 'Trạng thái',
            width: 16,
            value: (row: Row) => (row.status ? MODEL_STATUS_LABELS[row.status] : 'Chưa bắt đầu'),
          },
          { header: 'Từ ngày', width: 14, format: 'date', value: (row: Row) => row.statusSince },
          {
            header: 'Điển hình tiên tiến (năm)',
            width: 14,
            format: 'integer',
            value: (row: Row) => row.exemplaryYear,
          },
          { header: 'Số điểm camera', width: 12, format: 'integer', value: (row: Row) => row.cameraPoints },
          { header: 'Số camera', width: 12, format: 'integer', value: (row: Row) => row.cameras },
          {
            header: 'Nhân rộng từ',
            width: 30,
            value: (row: Row) =>
              row.replicatedFrom ? (row.replicatedFrom.name ?? 'Mô hình ngoài phạm vi') : null,
          },
          {
            header: 'Số mô hình nhân rộng',
            width: 12,
            format: 'integer',
            value: (row: Row) => row.replicaCount,
          },
          {
            header: 'Đánh giá gần nhất',
            width: 26,
            value: (row: Row) =>
              row.latestRating
                ? `${row.latestRating.year}: ${MODEL_RATING_LABELS[row.latestRating.rating]}`
                : null,
          },
          { header: 'Ghi chú', width: 30, value: (row: Row) => row.notes },
        ],
      },
    ],
  });
  return { fileName: `Danh sách mô hình ${today}.xlsx`, stream };
}
