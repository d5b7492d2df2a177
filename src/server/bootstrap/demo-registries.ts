/**
 * Demo registries for the demo province: a grassroots security team in every demo village (3–5 members with
 * made-up Vietnamese names, plausible birth years, some yearly ratings), a steering committee in every demo commune,
 * and a handful of models (camera models with their counts; a "Tiếng kẻng an ninh" replicated from one village to
 * two others). Everything goes through the services, so the rules and the audit trail apply; every record says in
 * its notes that it is demo data.
 */
import { sql } from 'drizzle-orm';
import { systemActor } from '../context.js';
import { type Database, queryRows } from '../db/client.js';
import * as modelsRepo from '../modules/models/models.repo.js';
import { createModel, ensureModelKinds } from '../modules/models/models.service.js';
import { addMember, createTeam, rateTeam } from '../modules/teams/teams.service.js';

const DEMO_NOTE = 'Dữ liệu mẫu để dùng thử, không phải số liệu thật';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Thanh'];
const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Long',
  'Nam',
  'Phúc',
  'Sơn',
  'Trung',
  'Tuấn',
];
const GIVEN_FEMALE = ['Hà', 'Hoa', 'Lan', 'Mai', 'Nga', 'Thảo', 'Trang', 'Yến'];

/** A deterministic made-up person: the same demo data on every installation. */
function person(seed: number) {
  const female = seed % 4 === 1;
  const pick = <T>(list: readonly T[], salt: number) => list[(seed * 7 + salt) % list.length]!;
  return {
    fullName: `${pick(SURNAMES, 1)} ${pick(female ? MIDDLE_FEMALE : MIDDLE_MALE, 3)} ${pick(female ? GIVEN_FEMALE : GIVEN_MALE, 5)}`,
    gender: female ? ('female' as const) : ('male' as const),
    birthYear: 1962 + ((seed * 13) % 38),
    phone: `0905${String(100_000 + ((seed * 7919) % 900_000)).padStart(6, '0')}`,
  };
}

export async function seedRegistryDemo(
  db: Database,
  communes: ReadonlyArray<{ id: number; typeName: string; name: string }>,
): Promise<{ teams: number; members: number; models: number }> {
  const actor = systemActor('dữ liệu mẫu');
  let teams = 0;
  let members = 0;
  let seed = 1;
  const villagesOf = new Map<number, Array<{ id: number; fullName: string }>>();
  for (const [communeIndex, commune] of communes.entries()) {
    const committee = await createTeam(db, actor, {
      kind: 'steering_committee',
      name: `Ban Chỉ đạo phòng, chống tội phạm và xây dựng phong trào ${commune.typeName.toLowerCase()} ${commune.name}`,
      unitId: commune.id,
      establishedOn: '2025-07-01',
      decisionNumber: `${10 + communeIndex}/QĐ-UBND`,
      decisionDate: '2025-07-01',
      decisionSigner: 'Chủ tịch UBND',
      notes: DEMO_NOTE,
    });
    teams += 1;
    const place = `${commune.typeName} ${commune.name}`;
    for (const [role, position, organisation] of [
      ['chairman', 'Chủ tịch', `Ủy ban nhân dân ${place}`],
      ['vice_chairman', 'Trưởng Công an', `Công an ${place}`],
      ['committee_member', 'Chủ tịch', `Ủy ban MTTQ Việt Nam ${place}`],
      ['committee_member', 'Bí thư', `Đoàn Thanh niên ${place}`],
    ] as const) {
      await addMember(db, actor, committee.id, {
        ...person(seed++),
        role,
        position,
        organisation,
        joinedOn: '2025-07-01',
        notes: DEMO_NOTE,
      });
      members += 1;
    }
    const villages = await queryRows<{ id: number; fullName: string }>(
      db,
      sql`select v.unit_id as id, v.full_name as "fullName" from unit_versions v join units u on u.id = v.unit_id
          where v.parent_id = ${commune.id} and u.kind = 'residential_area' and u.source = 'demo'
          order by v.full_name`,
    );
    villagesOf.set(commune.id, villages);
    for (const [villageIndex, village] of villages.entries()) {
      const team = await createTeam(db, actor, {
        kind: 'grassroots_security_team',
        name: `Tổ bảo vệ an ninh, trật tự ${village.fullName}`,
        unitId: village.id,
        establishedOn: '2025-07-15',
        decisionNumber: `${100 + communeIndex * 10 + villageIndex}/QĐ-UBND`,
        decisionDate: '2025-07-10',
        decisionSigner: `Chủ tịch UBND ${commune.typeName.toLowerCase()} ${commune.name}`,
        notes: DEMO_NOTE,
      });
      teams += 1;
      const size = 3 + ((communeIndex + villageIndex) % 3);
      const ids: number[] = [];
      for (let index = 0; index < size; index++) {
        const member = await addMember(db, actor, team.id, {
          ...person(seed++),
          role: index === 0 ? 'team_leader' : index === 1 ? 'deputy_leader' : 'member',
          joinedOn: '2025-07-15',
          residenceSince: `${1990 + (seed % 25)}-0${1 + (seed % 9)}-01`,
          recognitionDecisionNumber: `${100 + communeIndex * 10 + villageIndex}a/QĐ-UBND`,
          recognitionDecisionDate: '2025-07-15',
          certificateNumber: `TBV-${String(seed).padStart(4, '0')}`,
          notes: DEMO_NOTE,
        });
        ids.push(member.id);
        members += 1;
      }
      // The rating year 2026 (15/11/2025 – 14/11/2026): every other team is rated.
      if (villageIndex % 2 === 0) {
        await rateTeam(db, actor, team.id, 2026, {
          items: ids.map((memberId, index) => ({
            memberId,
            rating: index === ids.length - 1 ? 'completed' : 'good',
          })),
        });
      }
    }
  }

  await ensureModelKinds(db);
  const kinds = await modelsRepo.listKinds(db);
  const kindId = (code: string) => kinds.find((kind) => kind.code === code)!.id;
  let models = 0;
  const first = communes[0] ? (villagesOf.get(communes[0].id) ?? []) : [];
  for (const [index, commune] of communes.entries()) {
    const villages = villagesOf.get(commune.id) ?? [];
    if (villages.length < 2) continue;
    await createModel(db, actor, {
      name: `Camera an ninh ${villages[0]!.fullName}, ${commune.typeName.toLowerCase()} ${commune.name}`,
      kindId: kindId('camera'),
      leadUnitId: villages[0]!.id,
      partnerUnitIds: [villages[1]!.id],
      startedOn: '2025-08-01',
      cameraPoints: 4 + index,
      cameras: 9 + index * 2,
      notes: DEMO_NOTE,
    });
    models += 1;
  }
  if (first.length >= 3) {
    const origin = await createModel(db, actor, {
      name: `Tiếng kẻng an ninh ${first[0]!.fullName}`,
      kindId: kindId('security_gong'),
      leadUnitId: first[0]!.id,
      startedOn: '2025-07-20',
      exemplary: true,
      exemplaryYear: 2026,
      exemplaryDecision: '25/QĐ-UBND',
      notes: DEMO_NOTE,
    });
    for (const village of [first[1]!, first[2]!]) {
      await createModel(db, actor, {
        name: `Tiếng kẻng an ninh ${village.fullName}`,
        kindId: kindId('security_gong'),
        leadUnitId: village.id,
        startedOn: '2025-10-01',
        replicatedFromId: origin.id,
        notes: DEMO_NOTE,
      });
    }
    await createModel(db, actor, {
      name: `Xóm liên gia tự quản ${first[3]?.fullName ?? first[0]!.fullName}`,
      kindId: kindId('neighbourhood_self_management'),
      leadUnitId: (first[3] ?? first[0]!).id,
      startedOn: '2025-09-01',
      notes: DEMO_NOTE,
    });
    models += 4;
  }
  return { teams, members, models };
}
