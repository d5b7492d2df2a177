/**
 * Demo reintegration files, coordination plans and steering committee meetings for the demo province. The persons
 * are obviously made up (names like "Trần Văn Mẫu", ID numbers 048000000001…), every file says in its notes that
 * it is demo data, and everything goes through the services so that the rules, encryption and audit apply.
 */
import { sql } from 'drizzle-orm';
import { type Actor, systemActor } from '../context.js';
import { type Database, queryRows } from '../db/client.js';
import type { FieldCipher } from '../lib/crypto.js';
import { addMeeting, listCommittees } from '../modules/committees/committees.service.js';
import {
  addPlanTask,
  createPlan,
  ensureReferenceProgrammes,
  listProgrammes,
  updateTask,
} from '../modules/programmes/programmes.service.js';
import {
  addCheckIn,
  addHelper,
  addSupport,
  changeStatus,
  createCase,
  transferCase,
} from '../modules/reintegration/reintegration.service.js';

const DEMO_NOTE = 'Dữ liệu mẫu để dùng thử, không phải người thật';

const PEOPLE = [
  { fullName: 'Trần Văn Mẫu', birthYear: 1988 },
  { fullName: 'Lê Thị Ví Dụ', birthYear: 1992 },
  { fullName: 'Phạm Văn Thử Nghiệm', birthYear: 1979 },
  { fullName: 'Đỗ Văn Minh Họa', birthYear: 1995 },
  { fullName: 'Ngô Thị Giả Định', birthYear: 1985 },
];

export async function seedCoordinationDemo(
  db: Database,
  cipher: FieldCipher,
  communes: ReadonlyArray<{ id: number; typeName: string; name: string }>,
  provinceId: number | undefined,
): Promise<{ cases: number; plans: number; meetings: number }> {
  // The demo is written as the province police would write it: the system administrator has no casework rights.
  const actor: Actor = { ...systemActor('dữ liệu mẫu'), role: 'province_staff' };
  const [first, second] = communes;
  let cases = 0;
  if (first && second) {
    const [front] = await queryRows<{ id: number }>(
      db,
      sql`select id from users where username = 'mttq.xa' and unit_id = ${first.id}`,
    );
    const village = async (communeId: number) =>
      (
        await queryRows<{ id: number }>(
          db,
          sql`select v.unit_id as id from unit_versions v join units u on u.id = v.unit_id
              where v.parent_id = ${communeId} and u.kind = 'residential_area' and u.source = 'demo'
              order by v.full_name limit 1`,
        )
      )[0]?.id ?? null;
    const firstVillage = await village(first.id);
    const open = async (
      index: number,
      communeId: number,
      residenceUnitId: number | null,
      releasedOn: string,
    ) => {
      const person = PEOPLE[index]!;
      cases += 1;
      return createCase(db, cipher, actor, {
        unitId: communeId,
        ...person,
        residenceUnitId,
        residenceAddress: `Số ${10 + index} đường Mẫu`,
        idNumber: `04800000000${index + 1}`,
        releasedOn,
        releasingFacility: 'Trại giam mẫu số 1',
        sentenceSummary: 'Nội dung mẫu: 2 năm tù về tội trộm cắp tài sản (ví dụ minh họa)',
        notes: DEMO_NOTE,
      });
    };

    const helped = await open(0, first.id, firstVillage, '2026-03-02');
    await addHelper(db, cipher, actor, helped.id, {
      organisation: 'Ủy ban Mặt trận Tổ quốc (mẫu)',
      personName: 'Phạm Thị Mặt Trận',
      helperUserId: front?.id ?? null,
      decisionNumber: '05/QĐ-UBND',
      decisionDate: '2026-03-10',
      assignedOn: '2026-03-10',
    });
    await addSupport(db, cipher, actor, helped.id, {
      kind: 'residence_registration',
      givenOn: '2026-03-15',
      outcome: 'achieved',
      outcomeOn: '2026-03-20',
    });
    await addSupport(db, cipher, actor, helped.id, {
      kind: 'vocational_training',
      givenOn: '2026-05-04',
      outcome: 'in_progress',
      note: 'Lớp nghề sửa xe máy (mẫu)',
    });
    await addCheckIn(db, cipher, actor, helped.id, {
      checkedOn: '2026-09-30',
      note: 'Nội dung mẫu: chấp hành tốt, sống cùng gia đình',
    });

    const working = await open(1, first.id, firstVillage, '2025-09-15');
    await addHelper(db, cipher, actor, working.id, {
      organisation: 'Hội Liên hiệp Phụ nữ (mẫu)',
      helperUserId: front?.id ?? null,
      decisionNumber: '21/QĐ-UBND',
      decisionDate: '2025-09-25',
      assignedOn: '2025-09-25',
    });
    await addSupport(db, cipher, actor, working.id, {
      kind: 'job_placement',
      givenOn: '2025-11-03',
      outcome: 'achieved',
      outcomeOn: '2025-11-17',
      note: 'Công việc mẫu tại xưởng may',
    });
    await addSupport(db, cipher, actor, working.id, {
      kind: 'loan',
      givenOn: '2026-01-12',
      outcome: 'achieved',
      outcomeOn: '2026-02-02',
    });
    await changeStatus(db, cipher, actor, working.id, { status: 'reintegrated', date: '2026-06-30' });

    const expunged = await open(2, first.id, null, '2025-08-01');
    await addSupport(db, cipher, actor, expunged.id, {
      kind: 'record_expungement',
      givenOn: '2026-08-03',
      outcome: 'achieved',
      outcomeOn: '2026-08-20',
    });
    await changeStatus(db, cipher, actor, expunged.id, {
      status: 'record_expunged',
      date: '2026-08-20',
      note: 'Quyết định xóa án tích (mẫu)',
    });

    await open(3, second.id, await village(second.id), '2026-02-16');
    const mover = await open(4, second.id, null, '2025-10-20');
    await addCheckIn(db, cipher, actor, mover.id, { checkedOn: '2026-01-15', note: 'Nội dung mẫu: ổn định' });
    await transferCase(db, cipher, actor, mover.id, {
      toUnitId: first.id,
      date: '2026-04-01',
      note: 'Chuyển về ở với gia đình (mẫu)',
    });
  }

  await ensureReferenceProgrammes(db, actor);
  const programme = (await listProgrammes(db, actor)).items.find((item) => item.reference);
  const phase = programme?.phases[1];
  let plans = 0;
  if (programme && phase) {
    const units = [
      ...(provinceId ? [{ id: provinceId, label: 'tỉnh' }] : []),
      ...communes.map((commune) => ({
        id: commune.id,
        label: `${commune.typeName.toLowerCase()} ${commune.name}`,
      })),
    ];
    for (const [index, unit] of units.entries()) {
      const plan = await createPlan(db, actor, programme.id, {
        unitId: unit.id,
        phaseId: phase.id,
        number: `${30 + index}/KH-CA`,
        title: `Kế hoạch thực hiện Chương trình phối hợp số 09 giai đoạn 2023–2033 của ${unit.label} (mẫu)`,
        issuedOn: '2025-08-15',
        notes: DEMO_NOTE,
      });
      plans += 1;
      const tasks = [
        {
          title: 'Tuyên truyền, phổ biến Chương trình phối hợp đến khu dân cư',
          ownerOrganisation: 'Ủy ban MTTQ',
          dueOn: '2026-03-31',
        },
        {
          title: 'Xây dựng, nhân rộng mô hình tự quản về an ninh, trật tự',
          ownerOrganisation: 'Công an',
          dueOn: '2026-09-30',
        },
        {
          title: 'Sơ kết 6 tháng thực hiện Chương trình',
          ownerOrganisation: 'Công an và Ủy ban MTTQ',
          dueOn: '2026-12-20',
        },
      ];
      let detail = plan;
      for (const task of tasks) detail = await addPlanTask(db, actor, plan.id, task);
      const [outreach, models] = detail.tasks;
      if (outreach) await updateTask(db, actor, outreach.id, { status: 'done', statusDate: '2026-03-25' });
      if (models && index % 2 === 0)
        await updateTask(db, actor, models.id, { status: 'in_progress', statusDate: '2026-05-01' });
    }
  }

  let meetings = 0;
  for (const committee of (await listCommittees(db, actor, {})).items) {
    if (!communes.some((commune) => commune.id === committee.unit.id)) continue;
    await addMeeting(db, actor, committee.id, {
      heldOn: '2026-07-10',
      title: 'Họp sơ kết 6 tháng đầu năm 2026 (mẫu)',
      agenda: 'Đánh giá tình hình an ninh, trật tự 6 tháng đầu năm; triển khai nhiệm vụ 6 tháng cuối năm.',
      chairedBy: 'Trưởng ban',
      minutes: 'Biên bản mẫu: Ban Chỉ đạo thống nhất các kết luận dưới đây.',
      conclusions: [
        {
          title: 'Rà soát người chấp hành xong án phạt tù về địa phương',
          ownerOrganisation: 'Công an',
          dueOn: '2026-08-31',
        },
        {
          title: 'Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc',
          ownerOrganisation: 'Ủy ban MTTQ',
          dueOn: '2026-08-19',
        },
      ],
    });
    meetings += 1;
  }
  return { cases, plans, meetings };
}
