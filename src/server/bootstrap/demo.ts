/**
 * Demo data: clearly synthetic records in one demo province so that a new user can click through the product.
 * Every unit created here carries source = 'demo' and the UI labels it "Dữ liệu mẫu".
 */
import { eq, sql } from 'drizzle-orm';
import { todayInVietnam } from '../../domain/dates.js';
import type { RoleId } from '../../domain/roles.js';
import { systemActor } from '../context.js';
import { type Database, queryRows } from '../db/client.js';
import { inTransaction } from '../db/transaction.js';
import type { FieldCipher } from '../lib/crypto.js';
import { createUser } from '../modules/accounts/accounts.service.js';
import { systemSettings } from '../modules/system/system.table.js';
import { addLocalUnit } from '../modules/units/units.service.js';
import { seedCoordinationDemo } from './demo-coordination.js';
import { seedRecognitionDemo } from './demo-recognition.js';
import { seedRegistryDemo } from './demo-registries.js';
import { seedActivitiesDemo } from './demo-registries-ii.js';

/** Đà Nẵng: a merged province with both wards and rural communes, so every page has something to show. */
export const DEMO_PROVINCE_CODE = '48';
const DEMO_SETTING = 'demo.seeded';

/**
 * `cipher` encrypts the demo reintegration files; without it (an installation key is not at hand) they are left
 * out and everything else is seeded.
 */
export async function seedDemo(
  db: Database,
  cipher?: FieldCipher,
): Promise<{ skipped: boolean; summary: string }> {
  const [done] = await db.select().from(systemSettings).where(eq(systemSettings.key, DEMO_SETTING));
  if (done) return { skipped: true, summary: '' };
  return inTransaction(db, async (tx) => {
    const today = todayInVietnam();
    const communes = await queryRows<{ id: number; typeName: string; name: string }>(
      tx,
      sql`select u.id, v.type_name as "typeName", v.name
          from units u join unit_versions v on v.unit_id = u.id
          where u.kind = 'commune' and u.province_code = ${DEMO_PROVINCE_CODE}
            and (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date)
          order by u.code limit 4`,
    );
    let created = 0;
    for (const commune of communes) {
      const isWard = commune.typeName === 'Phường';
      for (let number = 1; number <= 6; number++) {
        await addLocalUnit(tx, {
          kind: 'residential_area',
          name: String(number),
          typeName: isWard ? 'Tổ dân phố' : 'Thôn',
          parentId: commune.id,
          validFrom: '2025-07-01',
          source: 'demo',
        });
        created++;
      }
      await addLocalUnit(tx, {
        kind: 'school',
        name: commune.name,
        typeName: 'Trường Trung học cơ sở',
        parentId: commune.id,
        validFrom: '2025-07-01',
        source: 'demo',
      });
      await addLocalUnit(tx, {
        kind: 'agency',
        name: `Ủy ban nhân dân ${commune.typeName.toLowerCase()} ${commune.name}`,
        typeName: 'Cơ quan',
        parentId: commune.id,
        validFrom: '2025-07-01',
        source: 'demo',
      });
      created += 2;
    }
    await seedRegistryDemo(tx, communes);
    const movement = await seedActivitiesDemo(tx, communes);
    const records = await seedRecognitionDemo(tx, communes);
    const users = await createDemoUsers(tx, communes[0]?.id);
    const coordination = cipher
      ? await seedCoordinationDemo(tx, cipher, communes, await demoProvinceId(tx))
      : { cases: 0, plans: 0, meetings: 0 };
    const summary =
      `${created} đơn vị cơ sở tại ${communes.length} xã, phường của tỉnh mã ${DEMO_PROVINCE_CODE}; ` +
      `${movement.activities} hoạt động, ${movement.awards} khen thưởng, ${movement.feedback} ý kiến phản ánh; ` +
      `${records} hồ sơ tiêu chuẩn An toàn về an ninh, trật tự; ` +
      `${coordination.cases} hồ sơ tái hòa nhập, ${coordination.plans} kế hoạch, ${coordination.meetings} cuộc họp Ban Chỉ đạo; ${users} tài khoản mẫu`;
    await tx
      .insert(systemSettings)
      .values({ key: DEMO_SETTING, value: { summary, at: new Date().toISOString() } });
    return { skipped: false, summary };
  });
}

/** The password of every demo account: printed in the README, so demo data must never run in production. */
export const DEMO_PASSWORD = 'Demo@antq2025';

export const DEMO_ACCOUNTS: ReadonlyArray<{
  username: string;
  role: RoleId;
  fullName: string;
  position: string;
  level: 'province' | 'commune' | 'village';
}> = [
  {
    username: 'quantri.demo',
    role: 'admin',
    fullName: 'Nguyễn Văn Quản',
    position: 'Quản trị hệ thống tỉnh',
    level: 'province',
  },
  {
    username: 'canbo.tinh',
    role: 'province_staff',
    fullName: 'Trần Thị Tỉnh',
    position: 'Cán bộ Phòng Tham mưu',
    level: 'province',
  },
  {
    username: 'congan.xa',
    role: 'commune_officer',
    fullName: 'Lê Văn Xã',
    position: 'Phó Trưởng Công an',
    level: 'commune',
  },
  {
    username: 'mttq.xa',
    role: 'front_officer',
    fullName: 'Phạm Thị Mặt Trận',
    position: 'Phó Chủ tịch Ủy ban MTTQ',
    level: 'commune',
  },
  {
    username: 'truong.thon',
    role: 'unit_head',
    fullName: 'Hoàng Văn Thôn',
    position: 'Trưởng thôn',
    level: 'village',
  },
  {
    username: 'xem.baocao',
    role: 'viewer',
    fullName: 'Vũ Thị Báo Cáo',
    position: 'Chuyên viên tổng hợp',
    level: 'province',
  },
];

async function demoProvinceId(db: Database): Promise<number | undefined> {
  const today = todayInVietnam();
  const [province] = await queryRows<{ id: number }>(
    db,
    sql`select u.id from units u join unit_versions v on v.unit_id = u.id
        where u.kind = 'province' and u.code = ${DEMO_PROVINCE_CODE}
          and (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date)`,
  );
  return province?.id;
}

async function createDemoUsers(db: Database, communeId: number | undefined): Promise<number> {
  const provinceId = await demoProvinceId(db);
  const province = provinceId === undefined ? undefined : { id: provinceId };
  const [village] = communeId
    ? await queryRows<{ id: number }>(
        db,
        sql`select v.unit_id as id from unit_versions v join units u on u.id = v.unit_id
            where v.parent_id = ${communeId} and u.kind = 'residential_area' order by v.full_name limit 1`,
      )
    : [];
  if (!province || !communeId || !village) return 0;
  const unitFor = { province: province.id, commune: communeId, village: village.id };
  const actor = systemActor('dữ liệu mẫu');
  for (const account of DEMO_ACCOUNTS) {
    await createUser(db, actor, {
      username: account.username,
      fullName: account.fullName,
      position: account.position,
      role: account.role,
      unitId: unitFor[account.level],
      password: DEMO_PASSWORD,
    });
  }
  return DEMO_ACCOUNTS.length;
}
