/** Excel export of the activity list as filtered on screen. */
import type { Readable } from 'node:stream';
import type { ActivityExportQuery } from '../../../contracts/activities.js';
import {
  LEARNER_GROUP_LABELS,
  type LearnerGroup,
  ORGANISER_LABELS,
  type Organiser,
  PILOT_LEVEL_LABELS,
  type PilotLevel,
} from '../../../domain/activities.js';
import { todayInVietnam } from '../../../domain/dates.js';
import type { Actor } from '../../context.js';
import type { Database } from '../../db/client.js';
import { filterLine, numberedPages, rangePhrase, unitPhrase } from '../../registry/export.js';
import { toRecordUnit } from '../../registry/units.js';
import { streamWorkbook } from '../../registry/xlsx.js';
import * as repo from './activities.repo.js';
import { activityFilter } from './activities.service.js';

type Row = repo.ActivityListRow & { index: number };
const yesNo = (value: boolean | null) => (value === null ? null : value ? 'Có' : 'Không');

export async function exportActivities(
  db: Database,
  actor: Actor,
  query: ActivityExportQuery,
): Promise<{ fileName: string; stream: Readable }> {
  const today = todayInVietnam();
  const filter = await activityFilter(db, actor, query);
  const kinds = await repo.listKinds(db);
  const line = filterLine([
    await unitPhrase(db, actor, query.unit),
    query.kind?.length
      ? `Loại: ${query.kind.map((id) => kinds.find((kind) => kind.id === id)?.name ?? `#${id}`).join(', ')}`
      : null,
    query.pilot ? 'Chỉ Ngày hội làm điểm' : null,
    query.flagged ? 'Chỉ số liệu bất thường đã xác nhận' : null,
    query.q ? `Tìm: "${query.q}"` : null,
    rangePhrase('Diễn ra', query.from, query.to),
  ]);
  const stream = streamWorkbook({
    title: 'DANH SÁCH HOẠT ĐỘNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC',
    filterLine: line,
    generatedBy: actor.username,
    sheets: [
      {
        name: 'Hoạt động',
        pages: () =>
          numberedPages(
            async (limit, offset) =>
              (await repo.listActivities(db, filter, { sort: query.sort, limit, offset, today })).rows,
          ),
        columns: [
          { header: 'STT', width: 6, value: (row: Row) => row.index },
          { header: 'Tên hoạt động', width: 40, value: (row: Row) => row.title },
          { header: 'Loại', width: 30, value: (row: Row) => row.kind.name },
          { header: 'Đơn vị', width: 28, value: (row: Row) => toRecordUnit(row.unit).fullName },
          { header: 'Thuộc', width: 24, value: (row: Row) => toRecordUnit(row.unit).parentName },
          { header: 'Ngày bắt đầu', width: 14, format: 'date', value: (row: Row) => row.startsOn },
          { header: 'Ngày kết thúc', width: 14, format: 'date', value: (row: Row) => row.endsOn },
          {
            header: 'Lực lượng phối hợp',
            width: 36,
            value: (row: Row) =>
              row.organisers.map((code) => ORGANISER_LABELS[code as Organiser] ?? code).join('; ') || null,
          },
          {
            header: 'Lượt người tham gia',
            width: 12,
            format: 'integer',
            value: (row: Row) => row.participants,
          },
          {
            header: 'Học viên theo nhóm',
            width: 36,
            value: (row: Row) =>
              row.learners
                .map((learner) => `${LEARNER_GROUP_LABELS[learner.group as LearnerGroup]}: ${learner.count}`)
                .join('; ') || null,
          },
          { header: 'Phần lễ', width: 8, value: (row: Row) => yesNo(row.ceremonyHeld) },
          { header: 'Phần hội', width: 8, value: (row: Row) => yesNo(row.festivalHeld) },
          { header: 'Làm điểm', width: 8, value: (row: Row) => yesNo(row.pilot) },
          {
            header: 'Cấp chọn điểm',
            width: 18,
            value: (row: Row) =>
              row.pilotChosenBy ? PILOT_LEVEL_LABELS[row.pilotChosenBy as PilotLevel] : null,
          },
          { header: 'Số suất quà', width: 10, format: 'integer', value: (row: Row) => row.giftsCount },
          {
            header: 'Giá trị quà (đồng)',
            width: 16,
            format: 'integer',
            value: (row: Row) => (row.giftsValueVnd === null ? null : Number(row.giftsValueVnd)),
          },
          {
            header: 'Kế hoạch, chương trình',
            width: 30,
            value: (row: Row) => (row.plan ? `${row.plan.number}: ${row.plan.title}` : row.planText),
          },
          { header: 'Lý do xác nhận số liệu', width: 30, value: (row: Row) => row.plausibilityReason },
          { header: 'Tệp đính kèm', width: 10, format: 'integer', value: (row: Row) => row.attachmentCount },
          { header: 'Ghi chú', width: 30, value: (row: Row) => row.notes },
        ],
      },
    ],
  });
  return { fileName: `Danh sách hoạt động ${today}.xlsx`, stream };
}
