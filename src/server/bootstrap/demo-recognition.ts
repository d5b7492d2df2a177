/**
 * Demo results of the safety standard and the classification for the current year in the demo communes: some
 * units recognised, some waiting for review, one returned, one not recognised, some not registered yet, so that the
 * lists, the dashboard and the map have something to show. Every record carries source = 'demo'; the first village
 * of the first commune (the demo unit head's) is left registered and unassessed for the user to try.
 */
import { sql } from 'drizzle-orm';
import { LEVEL_CODES } from '../../domain/classification.js';
import { todayInVietnam } from '../../domain/dates.js';
import { type RecordStatus, targetOf } from '../../domain/recognition.js';
import type { UnitKind } from '../../domain/units.js';
import { type Database, queryRows } from '../db/client.js';
import * as classificationRepo from '../modules/recognition/classification.repo.js';
import * as repo from '../modules/recognition/recognition.repo.js';
import { seedStandards } from '../modules/recognition/recognition.seed.js';

const PATTERN: ReadonlyArray<RecordStatus | null> = [
  'recognised',
  'recognised',
  'submitted',
  'recognised',
  'returned',
  null,
  'recognised',
  'not_recognised',
];

export async function seedRecognitionDemo(
  db: Database,
  communes: ReadonlyArray<{ id: number; typeName: string; name: string }>,
): Promise<number> {
  await seedStandards(db);
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const decisionDate = today < `${year}-11-10` ? today : `${year}-11-10`;
  let created = 0;
  // One look-up per kind of unit, not per unit: the demo is seeded on the first start, which must stay quick.
  const sets = new Map<string, repo.SetRecord | undefined>();
  const criteriaOf = new Map<number, repo.CriterionRecord[]>();
  const sheets = new Map<
    string,
    { sheet: classificationRepo.SheetRecord; items: classificationRepo.ItemRecord[] } | undefined
  >();
  for (const [communeIndex, commune] of communes.entries()) {
    const children = await queryRows<{ id: number; kind: UnitKind; provinceCode: string }>(
      db,
      sql`select u.id, u.kind, u.province_code as "provinceCode" from unit_versions v join units u on u.id = v.unit_id
          where v.parent_id = ${commune.id} and u.source = 'demo' order by (u.kind = 'residential_area') desc, v.full_name`,
    );
    for (const [index, child] of children.entries()) {
      const status: RecordStatus | null =
        communeIndex === 0 && index === 0 ? 'registered' : PATTERN[(index + communeIndex) % PATTERN.length]!;
      if (status === null) continue;
      const target = targetOf(child.kind)!;
      const setKey = `${target}:${child.provinceCode}`;
      if (!sets.has(setKey)) {
        const found = await repo.findActiveSetFor(db, target, year, child.provinceCode);
        if (found) {
          if (!found.frozen) await repo.updateSet(db, found.id, { frozen: true });
          criteriaOf.set(found.id, await repo.listCriteria(db, found.id));
        }
        sets.set(setKey, found);
      }
      const set = sets.get(setKey);
      if (!set) continue;
      const decided = status === 'recognised' || status === 'not_recognised';
      const record = await repo.insertRecord(db, {
        unitId: child.id,
        provinceCode: child.provinceCode,
        year,
        target,
        setId: set.id,
        status,
        registeredOn: `${year}-02-${String(10 + index).padStart(2, '0')}`,
        resolutionRef: `Nghị quyết số ${index + 1}-NQ/CB ngày 05/01/${year} (dữ liệu mẫu)`,
        planRef: `Kế hoạch số ${index + 3}/KH ngày 10/01/${year}`,
        registrationFormRef: `Bản đăng ký ngày 15/01/${year}`,
        householdsTotal: target === 'residential_area' ? 120 + index * 7 : null,
        householdsRegistered: target === 'residential_area' ? 120 + index * 7 : null,
        source: 'demo',
        ...(status === 'registered'
          ? {}
          : {
              meetingDate: `${year}-10-${String(10 + index).padStart(2, '0')}`,
              meetingChair: 'Trưởng thôn (dữ liệu mẫu)',
              meetingAttendees: 30 + index,
              meetingMinutes:
                'Hội nghị tự đánh giá kết quả thực hiện tiêu chuẩn, thống nhất đề nghị xét công nhận.',
              submittedAt: new Date(`${year}-10-25T02:00:00Z`),
            }),
        ...(decided
          ? {
              decidedAt: new Date(`${decisionDate}T02:00:00Z`),
              decisionNumber: `${200 + communeIndex * 10 + index}/QĐ-UBND`,
              decisionDate,
              decisionSigner: 'Nguyễn Văn Mẫu',
              decisionSignerTitle: 'CHỦ TỊCH',
              issuingBody: `ỦY BAN NHÂN DÂN ${commune.typeName.toLocaleUpperCase('vi')} ${commune.name.toLocaleUpperCase('vi')}`,
              reviewComment:
                status === 'not_recognised' ? 'Để xảy ra tụ tập đông người gây rối (dữ liệu mẫu)' : null,
            }
          : {}),
      });
      created += 1;
      if (status === 'registered') continue;
      const criteria = await repo.listCriteria(db, set.id);
      for (const criterion of criteria) {
        if (criterion.kind === 'computed') continue;
        const occurred = status === 'not_recognised' && criterion.kind === 'no_events' ? [3] : [];
        await repo.upsertAnswer(db, {
          recordId: record.id,
          criterionId: criterion.id,
          met: criterion.kind === 'number_threshold' ? null : true,
          value: criterion.kind === 'number_threshold' ? (criterion.threshold?.value ?? 100) : null,
          occurredEvents: occurred,
          note: null,
        });
      }
      if (status === 'returned') {
        const first = criteria.find((criterion) => criterion.kind === 'yes_no');
        if (first) {
          await repo.setReviewerComment(
            db,
            record.id,
            first.id,
            'Bổ sung biên bản kiểm tra hương ước (dữ liệu mẫu)',
          );
        }
      }
      if (status === 'recognised') {
        if (!sheets.has(setKey)) {
          const found = await classificationRepo.findActiveSheet(db, target, year, child.provinceCode);
          sheets.set(
            setKey,
            found ? { sheet: found, items: await classificationRepo.listItems(db, found.id) } : undefined,
          );
        }
        const entry = sheets.get(setKey);
        if (!entry) continue;
        const { sheet, items } = entry;
        const level = LEVEL_CODES[(index + communeIndex) % 3]!;
        const total = level === 'excellent' ? 93 : level === 'good' ? 78 : 62;
        const classification = await classificationRepo.insertRecord(db, {
          unitId: child.id,
          provinceCode: child.provinceCode,
          year,
          target,
          sheetId: sheet.id,
          status: 'approved',
          totalPoints: total,
          proposedLevel: level,
          approvedLevel: level,
          approvedAt: new Date(`${decisionDate}T02:00:00Z`),
          source: 'demo',
        });
        let remaining = total;
        await classificationRepo.insertScores(
          db,
          items.map((item) => {
            const points = Math.min(Number(item.maxPoints), remaining);
            remaining -= points;
            return { recordId: classification.id, itemId: item.id, points, evidence: 'Dữ liệu mẫu' };
          }),
        );
      }
    }
  }
  return created;
}
