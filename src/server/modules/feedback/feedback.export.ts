/**
 * Excel export of residents' feedback as filtered on screen. The resident's name and phone never leave the
 * detail page: the export says only whether a contact was recorded, and for what purpose.
 */
import type { Readable } from 'node:stream';
import type { FeedbackExportQuery } from '../../../contracts/feedback.js';
import { formatDateVi, todayInVietnam } from '../../../domain/dates.js';
import {
  CONTACT_PURPOSE_LABELS,
  type ContactPurpose,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackChannel,
  type FeedbackStatus,
} from '../../../domain/feedback.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { filterLine, numberedPages, rangePhrase, unitPhrase } from '../../registry/export.js';
import { toRecordUnit } from '../../registry/units.js';
import { streamWorkbook } from '../../registry/xlsx.js';
import * as repo from './feedback.repo.js';
import { feedbackFilter } from './feedback.service.js';

type Row = repo.FeedbackListRow & { index: number };

export async function exportFeedback(
  db: Database,
  actor: Actor,
  query: FeedbackExportQuery,
): Promise<{ fileName: string; stream: Readable }> {
  const today = todayInVietnam();
  const filter = await feedbackFilter(db, actor, query);
  const line = filterLine([
    await unitPhrase(db, actor, query.unit),
    query.status?.length
      ? `Tình trạng: ${query.status.map((status) => FEEDBACK_STATUS_LABELS[status]).join(', ')}`
      : null,
    query.channel ? `Kênh: ${FEEDBACK_CHANNEL_LABELS[query.channel]}` : null,
    query.activity ? `Hội nghị số ${query.activity}` : null,
    query.q ? `Tìm: "${query.q}"` : null,
    rangePhrase('Tiếp nhận', query.from, query.to),
    query.asOf ? `Tiếp nhận đến ngày ${formatDateVi(query.asOf)}` : null,
  ]);
  const stream = streamWorkbook({
    title: 'DANH SÁCH Ý KIẾN PHẢN ÁNH, KIẾN NGHỊ CỦA NHÂN DÂN',
    filterLine: line,
    generatedBy: actor.username,
    sheets: [
      {
        name: 'Ý kiến',
        pages: () =>
          numberedPages(
            async (limit, offset) =>
              (await repo.listFeedback(db, filter, { sort: query.sort, limit, offset, today })).rows,
          ),
        columns: [
          { header: 'STT', width: 6, value: (row: Row) => row.index },
          { header: 'Ngày tiếp nhận', width: 14, format: 'date', value: (row: Row) => row.receivedOn },
          { header: 'Đơn vị', width: 28, value: (row: Row) => toRecordUnit(row.unit).fullName },
          { header: 'Thuộc', width: 24, value: (row: Row) => toRecordUnit(row.unit).parentName },
          {
            header: 'Kênh tiếp nhận',
            width: 30,
            value: (row: Row) => FEEDBACK_CHANNEL_LABELS[row.channel as FeedbackChannel],
          },
          { header: 'Hội nghị', width: 30, value: (row: Row) => row.activity?.title ?? null },
          { header: 'Chủ đề', width: 36, value: (row: Row) => row.topic },
          { header: 'Nội dung', width: 50, value: (row: Row) => row.content },
          {
            header: 'Tình trạng',
            width: 20,
            value: (row: Row) => FEEDBACK_STATUS_LABELS[row.status as FeedbackStatus],
          },
          { header: 'Người, cơ quan trả lời', width: 26, value: (row: Row) => row.answeredBy },
          { header: 'Nội dung trả lời', width: 40, value: (row: Row) => row.answer },
          { header: 'Ngày trả lời', width: 14, format: 'date', value: (row: Row) => row.answeredOn },
          { header: 'Chuyển đến', width: 26, value: (row: Row) => row.forwardedTo },
          { header: 'Ngày chuyển', width: 14, format: 'date', value: (row: Row) => row.forwardedOn },
          {
            header: 'Có thông tin liên hệ (mục đích)',
            width: 30,
            value: (row: Row) =>
              row.hasContact
                ? `Có${row.contactPurpose ? ` (${CONTACT_PURPOSE_LABELS[row.contactPurpose as ContactPurpose].toLowerCase()})` : ''}`
                : 'Không',
          },
        ],
      },
    ],
  });
  return { fileName: `Danh sách ý kiến phản ánh ${today}.xlsx`, stream };
}
