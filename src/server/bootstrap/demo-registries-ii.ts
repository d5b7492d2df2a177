/**
 * Demo activities, awards, feedback and a plan for the demo province: in each demo commune a festival day (the
 * first commune's as a pilot chosen by the province), an outreach session per village, a citizens' hearing with the
 * feedback heard there (some answered), a legal-education class, a plan implementing Kết luận 44-KL/TW, and awards
 * (one proposal waiting for approval). Everything goes through the services, so rules and audit apply; every record
 * says in its notes that it is demo data, and no demo feedback carries a contact.
 */
import { sql } from 'drizzle-orm';
import { systemActor } from '../context.js';
import { type Database, queryRows } from '../db/client.js';
import * as activitiesRepo from '../modules/activities/activities.repo.js';
import { createActivity, ensureActivityKinds } from '../modules/activities/activities.service.js';
import { createAward, ensureAwardOptions, listOptions } from '../modules/awards/awards.service.js';
import { createDocument, ensureSeededDocuments } from '../modules/documents/documents.service.js';
import { createFeedback, respondToFeedback } from '../modules/feedback/feedback.service.js';

const DEMO_NOTE = 'Dữ liệu mẫu để dùng thử, không phải số liệu thật';

const FEEDBACK_TOPICS = [
  'Đèn chiếu sáng đường liên thôn bị hỏng',
  'Xe máy chạy tốc độ cao qua khu dân cư vào buổi tối',
  'Tụ tập gây ồn ào sau 22 giờ',
  'Đề nghị lắp thêm camera an ninh tại ngã ba',
];

export async function seedActivitiesDemo(
  db: Database,
  communes: ReadonlyArray<{ id: number; typeName: string; name: string }>,
): Promise<{ activities: number; awards: number; feedback: number }> {
  const actor = systemActor('dữ liệu mẫu');
  await ensureActivityKinds(db);
  await ensureAwardOptions(db);
  await ensureSeededDocuments(db);
  const kinds = await activitiesRepo.listKinds(db);
  const kindId = (code: string) => kinds.find((kind) => kind.code === code)!.id;
  const { forms, issuers } = await listOptions(db);
  const formId = (code: string) => forms.find((form) => form.code === code)!.id;
  const issuerId = (code: string) => issuers.find((issuer) => issuer.code === code)!.id;
  const [conclusion44] = await queryRows<{ id: number }>(
    db,
    sql`select id from documents where seed_key = 'kl-44-2019'`,
  );
  let activities = 0;
  let awards = 0;
  let feedback = 0;
  for (const [communeIndex, commune] of communes.entries()) {
    const label = `${commune.typeName.toLowerCase()} ${commune.name}`;
    const villages = await queryRows<{ id: number; fullName: string }>(
      db,
      sql`select v.unit_id as id, v.full_name as "fullName" from unit_versions v join units u on u.id = v.unit_id
          where v.parent_id = ${commune.id} and u.kind = 'residential_area' and u.source = 'demo' order by v.full_name`,
    );
    const plan = await createDocument(db, actor, {
      kind: 'plan',
      number: `${20 + communeIndex}/KH-UBND`,
      issuer: `UBND ${label}`,
      issuedOn: '2025-07-20',
      title: 'Kế hoạch thực hiện Kết luận số 44-KL/TW và Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025',
      unitId: commune.id,
      links: conclusion44 ? [{ relation: 'implements', documentId: conclusion44.id }] : [],
      notes: DEMO_NOTE,
    });
    const festivalUnit = villages[0] ?? { id: commune.id, fullName: label };
    await createActivity(db, actor, {
      kindId: kindId('festival_day'),
      title: `Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025 tại ${festivalUnit.fullName}`,
      unitId: festivalUnit.id,
      startsOn: `2025-08-${String(12 + communeIndex).padStart(2, '0')}`,
      organisers: ['police', 'fatherland_front', 'youth_union', 'women_union', 'veterans'],
      participants: 350 + communeIndex * 60,
      festival: {
        ceremonyHeld: true,
        festivalHeld: true,
        pilot: communeIndex === 0,
        pilotChosenBy: communeIndex === 0 ? 'province' : null,
        giftsCount: 20 + communeIndex * 5,
        giftsValueVnd: (20 + communeIndex * 5) * 500_000,
      },
      planDocumentId: plan.id,
      notes: DEMO_NOTE,
    });
    activities += 1;
    for (const [villageIndex, village] of villages.entries()) {
      await createActivity(db, actor, {
        kindId: kindId('outreach'),
        title: `Tuyên truyền phòng, chống tội phạm và tệ nạn xã hội tại ${village.fullName}`,
        unitId: village.id,
        startsOn: `2025-0${7 + (villageIndex % 3)}-${String(20 + villageIndex).padStart(2, '0')}`,
        organisers: ['police', 'fatherland_front'],
        participants: 40 + ((communeIndex * 7 + villageIndex * 11) % 50),
        notes: DEMO_NOTE,
      });
      activities += 1;
    }
    const hearing = await createActivity(db, actor, {
      kindId: kindId('citizens_hearing'),
      title: `Hội nghị "Công an lắng nghe ý kiến Nhân dân" ${label} năm 2025`,
      unitId: commune.id,
      startsOn: '2025-09-18',
      organisers: ['police', 'fatherland_front', 'local_government'],
      participants: 120 + communeIndex * 15,
      notes: DEMO_NOTE,
    });
    activities += 1;
    await createActivity(db, actor, {
      kindId: kindId('legal_class'),
      title: `Lớp giáo dục pháp luật cho thanh, thiếu niên ${label}`,
      unitId: commune.id,
      startsOn: '2025-10-06',
      endsOn: '2025-10-08',
      organisers: ['police', 'youth_union', 'school'],
      participants: 45,
      learners: [
        { group: 'young_at_risk', count: 12 },
        { group: 'pupils_students', count: 30 },
      ],
      notes: DEMO_NOTE,
    });
    activities += 1;
    for (const [topicIndex, topic] of FEEDBACK_TOPICS.entries()) {
      const item = await createFeedback(db, undefined, actor, {
        unitId: villages[topicIndex % Math.max(1, villages.length)]?.id ?? commune.id,
        receivedOn: '2025-09-18',
        channel: 'hearing',
        activityId: hearing.id,
        topic,
        content: DEMO_NOTE,
      });
      feedback += 1;
      if (topicIndex % 2 === 0) {
        await respondToFeedback(db, actor, item.id, {
          answer: {
            answeredBy: `Công an ${label}`,
            answer: 'Đã tiếp thu, phối hợp xử lý và thông báo tại khu dân cư',
            answeredOn: '2025-10-02',
          },
        });
      } else if (topicIndex === 3) {
        await respondToFeedback(db, actor, item.id, {
          forward: { forwardedTo: `UBND ${label}`, forwardedOn: '2025-09-25' },
        });
      }
    }
    await createAward(db, actor, {
      status: 'approved',
      recipientType: 'unit',
      recipientUnitId: festivalUnit.id,
      formId: formId('letter_of_praise'),
      issuerId: issuerId('province_police_director'),
      decisionNumber: `${300 + communeIndex}/QĐ-CAT-PV05`,
      decisionDate: '2025-08-19',
      reason: 'excellent',
      periodFrom: 2025,
      phase: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2025',
      notes: DEMO_NOTE,
    });
    await createAward(db, actor, {
      recipientType: 'person',
      recipientName: `Nguyễn Văn Mẫu ${communeIndex + 1}`,
      recipientPosition: 'Tổ trưởng Tổ bảo vệ an ninh, trật tự',
      recipientWorkplace: villages[1]?.fullName ?? label,
      unitId: villages[1]?.id ?? commune.id,
      formId: formId('certificate_of_merit'),
      issuerId: issuerId('province_people_committee'),
      reason: 'sudden',
      reasonText: null,
      periodFrom: 2025,
      notes: DEMO_NOTE,
    });
    awards += 2;
  }
  return { activities, awards, feedback };
}
