/**
 * `npm run bench:generate -- --scale province|nation [--province 48] [--seed 2025] [--data-dir DIR]`
 * (or with DATABASE_URL set: into that PostgreSQL database) builds a realistic synthetic dataset for benchmarks:
 * the official units of shared/data (both hierarchies and the lineage), villages and agencies/enterprises/schools
 * under every commune that live through the 2025 reform (one version under the old commune, one under the new),
 * and ten years of records — teams and members, models, activities, awards, residents' feedback, crime reports,
 * a recognition and a classification result for every unit and year.
 *
 * Rows are made by the database itself (`insert … select … from generate_series`), in chunks with a progress bar;
 * the randomness is `hashint8extended(row, seed)`, so the same seed gives the same data on either driver. Skew
 * follows real life: the two big cities weigh three times a rural province, wards more than communes, recent years
 * more than old ones. Triggers are switched off while loading (session_replication_role = replica): the loader
 * writes only consistent rows, and derived data is rebuilt once at the end.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { type SQL, sql } from 'drizzle-orm';
import { normalizeForSearch } from '../src/domain/text.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap/first-start.js';
import { loadConfig, PROJECT_ROOT } from '../src/server/config.js';
import { type Database, type DatabaseHandle, openDatabase, queryRows } from '../src/server/db/client.js';
import { migrateDatabase } from '../src/server/db/migrate.js';
import { inTransaction } from '../src/server/db/transaction.js';
import { FieldCipher, loadOrCreateKey } from '../src/server/lib/crypto.js';
import {
  ACTIVITY_TITLES,
  FAMILY_NAMES,
  FEEDBACK_TOPICS,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  REPORT_TEXTS,
  type Word,
} from './lib/vietnamese.js';

interface Scale {
  villagesPerCommune: number;
  localsPerCommune: number;
  /** Nation-wide totals over the ten years; a province gets its weighted share. */
  activities: number;
  reports: number;
  models: number;
  awards: number;
  feedback: number;
}

const NATION: Scale = {
  villagesPerCommune: 30,
  localsPerCommune: 150,
  activities: 5_000_000,
  reports: 2_000_000,
  models: 200_000,
  awards: 300_000,
  feedback: 500_000,
};
const PROVINCE: Scale = { ...NATION, villagesPerCommune: 16, localsPerCommune: 80 };

/** Busier places: the two special cities weigh 3, the other centrally-run cities 2, every other province 1. */
const PROVINCE_WEIGHT: Record<string, number> = { '01': 3, '79': 3, '31': 2, '48': 2, '92': 2, '46': 2 };
const REFORM_DAY = '2025-07-01';
const LAST_OLD_DAY = '2025-06-30';
const CHUNK = 200_000;

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    province: { type: 'string', default: '48' },
    seed: { type: 'string', default: '2025' },
    'data-dir': { type: 'string' },
    years: { type: 'string', default: '10' },
  },
});

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

function shout(line: unknown) {
  process.stderr.write(`${String(line)}\n`);
}

function fail(message: string): never {
  shout(message);
  process.exit(1);
}

if (values.scale !== 'province' && values.scale !== 'nation') {
  fail('Cần --scale province (một tỉnh) hoặc --scale nation (toàn quốc)');
}
const scaleName = values.scale;
const seed = Number(values.seed);
const years = Number(values.years);
if (!Number.isInteger(seed) || seed < 0) fail('--seed phải là số nguyên không âm');
if (!Number.isInteger(years) || years < 1 || years > 20) fail('--years phải từ 1 đến 20');
const provinceFilter = scaleName === 'province' ? values.province : null;
const scale = scaleName === 'nation' ? NATION : PROVINCE;

const config = loadConfig(undefined, {
  ANTQ_DATA_DIR: values['data-dir'] ?? path.join(PROJECT_ROOT, `data-bench-${scaleName}`),
  ANTQ_DEMO: '0',
});

/** A number in [0, 1) fixed by the seed, the row and the purpose (salt). */
function rand(row: SQL, salt: number): SQL {
  return sql`((hashint8extended((${row})::bigint, ${seed * 1000 + salt}::bigint) & 2147483647)::float8 / 2147483648.0)`;
}

/** An element of a text array literal picked by rand. */
function pick(list: readonly string[], row: SQL, salt: number): SQL {
  return sql`(${textArray(list)}::text[])[1 + floor(${rand(row, salt)} * ${list.length})::int]`;
}

function textArray(list: readonly string[]): string {
  return `{${list.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** Full name and its search form, picked consistently (same salts) from the word lists. */
function personName(row: SQL, salt: number): { text: SQL; search: SQL } {
  const part = (list: Word[], offset: number, field: 'text' | 'search') =>
    pick(
      list.map((word) => word[field]),
      row,
      salt + offset,
    );
  return {
    text: sql`${part(FAMILY_NAMES, 0, 'text')} || ' ' || ${part(MIDDLE_NAMES, 1, 'text')} || ' ' || ${part(GIVEN_NAMES, 2, 'text')}`,
    search: sql`${part(FAMILY_NAMES, 0, 'search')} || ' ' || ${part(MIDDLE_NAMES, 1, 'search')} || ' ' || ${part(GIVEN_NAMES, 2, 'search')}`,
  };
}

interface Step {
  label: string;
  rows: number;
}

class Progress {
  private readonly bar = new SingleBar({
    format: '{step} |{bar}| {percentage}% · {value}/{total} dòng · {rate} dòng/giây',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    // Logs of unattended runs show the progress too, one line every few seconds.
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  private started = 0;
  total = 0;
  readonly timings: Array<{ label: string; rows: number; ms: number }> = [];

  begin(step: Step) {
    this.started = performance.now();
    this.bar.start(step.rows, 0, { step: step.label.padEnd(28), rate: '0' });
  }
  tick(done: number) {
    const seconds = (performance.now() - this.started) / 1000;
    this.bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('vi-VN') : '0' });
  }
  end(step: Step) {
    const ms = performance.now() - this.started;
    this.bar.update(step.rows);
    this.bar.stop();
    this.timings.push({ label: step.label, rows: step.rows, ms });
    this.total += step.rows;
  }
}

const progress = new Progress();

/** Runs `statement(from, to)` over row numbers 1..rows in chunks, each in a transaction with triggers off. */
async function generate(
  db: Database,
  label: string,
  rows: number,
  statement: (from: number, to: number) => SQL,
): Promise<void> {
  const step = { label, rows };
  progress.begin(step);
  for (let from = 1; from <= rows; from += CHUNK) {
    const to = Math.min(rows, from + CHUNK - 1);
    await inTransaction(db, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(statement(from, to));
    });
    progress.tick(to);
  }
  progress.end(step);
  await analyze(db);
}

/**
 * Fresh planner statistics after each step: the next step joins what this one wrote, and a plan made for an
 * empty table (a nested loop over "3 rows") takes minutes on 100.000.
 */
async function analyze(db: Database) {
  await db.execute(sql`analyze`);
}

async function once(
  db: Database,
  label: string,
  rows: () => Promise<number>,
  statements: SQL | SQL[],
): Promise<void> {
  const step = { label, rows: await rows() };
  progress.begin(step);
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const statement of Array.isArray(statements) ? statements : [statements])
      await tx.execute(statement);
  });
  progress.end(step);
  if (step.rows > 0) await analyze(db);
}

async function count(db: Database, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${query}) q`);
  return Number(row?.n ?? 0);
}

const inProvince = (column: SQL) =>
  provinceFilter === null ? sql`true` : sql`${column} = ${provinceFilter}`;

async function main() {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const handle: DatabaseHandle = await openDatabase(config);
  const db = handle.db;
  const wall = performance.now();
  try {
    say(
      `Tạo dữ liệu đo hiệu năng quy mô ${scaleName === 'nation' ? 'toàn quốc' : `tỉnh ${provinceFilter}`} ` +
        `(hạt giống ${seed}, ${years} năm) vào ${handle.target}`,
    );
    await migrateDatabase(handle);
    const [existing] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from units where source = 'bench'`,
    );
    if (Number(existing?.n ?? 0) > 0)
      fail('Cơ sở dữ liệu này đã có dữ liệu đo hiệu năng: hãy dùng một thư mục/CSDL mới');

    say('Nạp danh mục đơn vị hành chính và dữ liệu danh mục…');
    await prepareDatabase(handle, config, { info: (line: string) => say(`  ${line}`) });
    // The start-up hooks seed the configurable lists (activity kinds, award forms, model kinds, report categories).
    const app = await buildApp({ config, database: handle });
    await app.ready();
    await app.close();

    const today = new Date().toISOString().slice(0, 10);
    const firstYear = Number(today.slice(0, 4)) - years + 1;
    const firstDay = `${firstYear}-01-01`;
    const days = Math.round((Date.parse(today) - Date.parse(firstDay)) / 86_400_000);

    await buildHelpers(db);
    await localUnits(db);
    await buildSlots(db, firstDay);
    const share = await provinceShare(db);
    const total = (nationTotal: number) => Math.max(1, Math.round(nationTotal * share));

    await withoutIndexes(db, BULK_TABLES, async () => {
      await teamsAndMembers(db);
      await modelsOf(db, total(scale.models), firstDay, days);
      await activitiesOf(db, total(scale.activities), firstDay, days);
      await awardsOf(db, total(scale.awards), firstDay, days);
      await feedbackOf(db, total(scale.feedback), firstDay, days);
      await reportsOf(db, total(scale.reports), firstDay, days);
      await standardResults(db, firstYear, Number(today.slice(0, 4)));
    });
    await dropHelpers(db);

    const seconds = (performance.now() - wall) / 1000;
    say('\nBước                          Số dòng      Thời gian   Dòng/giây');
    for (const timing of progress.timings) {
      if (timing.rows === 0) continue;
      say(
        `${timing.label.padEnd(28)} ${timing.rows.toLocaleString('vi-VN').padStart(12)} ` +
          `${(timing.ms / 1000).toFixed(1).replace('.', ',').padStart(9)} s ` +
          `${Math.round(timing.rows / (timing.ms / 1000))
            .toLocaleString('vi-VN')
            .padStart(11)}`,
      );
    }
    say(
      `Tổng: ${progress.total.toLocaleString('vi-VN')} dòng trong ${seconds.toFixed(1).replace('.', ',')} s ` +
        `(${Math.round(progress.total / seconds).toLocaleString('vi-VN')} dòng/giây, kể cả nạp danh mục)`,
    );
    if (!config.databaseUrl) say(`Chạy ứng dụng trên dữ liệu này: ANTQ_DATA_DIR=${config.dataDir} npm start`);
  } finally {
    await handle.close();
  }
}

/** The tables that receive millions of rows: loaded without their secondary indexes, which are rebuilt after. */
const BULK_TABLES = [
  'teams',
  'team_members',
  'models',
  'model_units',
  'model_status_changes',
  'activities',
  'awards',
  'feedback',
  'crime_reports',
  'recognition_records',
  'classification_records',
];

/**
 * Maintaining a trigram index row by row is most of the cost of a bulk load; building it once afterwards is many
 * times cheaper. Indexes that back constraints (primary keys) stay.
 */
async function withoutIndexes(db: Database, tables: readonly string[], work: () => Promise<void>) {
  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any(${`{${tables.join(',')}}`}::text[])
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
        order by i.indexname`,
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index if exists "${index.name}"`));
  try {
    await work();
  } finally {
    const step = { label: 'Tạo lại chỉ mục', rows: indexes.length };
    progress.begin(step);
    let done = 0;
    for (const index of indexes) {
      await db.execute(sql.raw(index.definition));
      progress.tick(++done);
    }
    progress.end(step);
    progress.total -= indexes.length;
  }
}

/** Work tables of the generator (real tables, not temporary ones: a pool may use several connections). */
async function buildHelpers(db: Database) {
  await db.execute(sql`drop table if exists bench_local, bench_slots`);
  // Communes valid today and on the last day before the reform, with their weights and predecessors.
  await db.execute(sql`create table bench_local (
      code text primary key, kind text not null, name text not null, type_name text not null,
      old_parent int not null, new_parent int not null, province_code text not null)`);
  await db.execute(sql`create table bench_slots (
      era text not null, slot int not null, unit_id int not null, province_code text not null,
      primary key (era, slot))`);
}

async function dropHelpers(db: Database) {
  await db.execute(sql`drop table if exists bench_local, bench_slots`);
}

const currentOn = (alias: string, day: string) =>
  sql.raw(
    `(${alias}.valid_from is null or ${alias}.valid_from <= '${day}'::date) and (${alias}.valid_to is null or ${alias}.valid_to >= '${day}'::date)`,
  );

/**
 * Villages (thôn, tổ dân phố) and agencies/enterprises/schools under every current commune. Each lives through the
 * reform: under one of the commune's predecessors until 30/06/2025, under the commune since (one version if the
 * commune itself is older).
 */
async function localUnits(db: Database) {
  const communes = sql`select u.id, u.code, u.province_code, v.type_name,
        coalesce((select array_agg(l.predecessor_id order by l.predecessor_id) from unit_lineage l
                  join units p on p.id = l.predecessor_id and p.kind = 'commune'
                  where l.successor_id = u.id), array[u.id]) as predecessors
      from units u join unit_versions v on v.unit_id = u.id and ${currentOn('v', REFORM_DAY)}
      where u.kind = 'commune' and ${currentOn('u', REFORM_DAY)} and ${inProvince(sql`u.province_code`)}`;
  const perCommune = scale.villagesPerCommune + scale.localsPerCommune;
  const communeCount = await count(db, communes);
  await once(
    db,
    'Danh sách đơn vị cơ sở',
    async () => communeCount * perCommune,
    sql`insert into bench_local (code, kind, name, type_name, old_parent, new_parent, province_code)
        select c.code || '-B' || lpad(n::text, 3, '0'),
          case when n <= ${scale.villagesPerCommune} then 'residential_area'
               when n % 5 = 0 then 'school' when n % 2 = 0 then 'enterprise' else 'agency' end,
          case when n <= ${scale.villagesPerCommune} then n::text
               when n % 5 = 0 then ${pick(['Hòa Bình', 'Quang Trung', 'Lê Lợi', 'Trần Phú', 'Nguyễn Du', 'Hùng Vương'], sql`n`, 11)} || ' ' || n
               when n % 2 = 0 then ${pick(['Thành Công', 'Phú Thịnh', 'Hưng Phát', 'An Khang', 'Minh Long', 'Tân Tiến'], sql`n * 7`, 12)} || ' ' || n
               else 'số ' || n end,
          case when n <= ${scale.villagesPerCommune} then (case when c.type_name = 'Phường' then 'Tổ dân phố' else 'Thôn' end)
               when n % 5 = 0 then ${pick(['Trường Tiểu học', 'Trường Trung học cơ sở', 'Trường Mầm non'], sql`n`, 13)}
               when n % 2 = 0 then ${pick(['Công ty TNHH', 'Công ty Cổ phần', 'Hợp tác xã'], sql`n`, 14)}
               else ${pick(['Trạm Y tế', 'Bưu điện văn hóa', 'Chi nhánh ngân hàng', 'Trụ sở cơ quan'], sql`n`, 15)} end,
          c.predecessors[1 + (n % array_length(c.predecessors, 1))], c.id, c.province_code
        from (${communes}) c cross join generate_series(1, ${perCommune}::int) n`,
  );
  const locals = await count(db, sql`select 1 from bench_local`);
  await once(
    db,
    'Đơn vị cơ sở',
    async () => locals,
    sql`insert into units (code, kind, valid_from, valid_to, province_code, source)
        select l.code, l.kind, '2015-01-01', null, l.province_code, 'bench' from bench_local l order by l.code`,
  );
  // Versions: each span under its parent, cut where the parent's own path changes (its district went away).
  await once(
    db,
    'Phiên bản đơn vị cơ sở',
    async () => locals * 2,
    sql`insert into unit_versions (unit_id, valid_from, valid_to, name, type_name, full_name, parent_id, path, depth, search_name)
        select s.unit_id,
          greatest(s.span_from, coalesce(pv.valid_from, s.span_from)),
          case when s.span_to is null then pv.valid_to when pv.valid_to is null then s.span_to else least(s.span_to, pv.valid_to) end,
          s.name, s.type_name, s.type_name || ' ' || s.name, s.parent_id, pv.path || s.unit_id || '/', pv.depth + 1,
          s.search_name
        from (
          select u.id as unit_id, l.name, l.type_name, l.search_name, x.parent_id, x.span_from, x.span_to
          from (select *, lower(${normalizeSql(sql`type_name || ' ' || name`)}) as search_name
                from bench_local) l
          join units u on u.code = l.code and u.source = 'bench'
          cross join lateral (values
            (l.old_parent, '2015-01-01'::date, case when l.old_parent = l.new_parent then null else ${LAST_OLD_DAY}::date end),
            (case when l.old_parent = l.new_parent then null else l.new_parent end, ${REFORM_DAY}::date, null::date)
          ) as x(parent_id, span_from, span_to)
          where x.parent_id is not null
        ) s
        join unit_versions pv on pv.unit_id = s.parent_id
          and coalesce(pv.valid_from, '-infinity'::date) <= coalesce(s.span_to, 'infinity'::date)
          and coalesce(pv.valid_to, 'infinity'::date) >= s.span_from`,
  );
}

/**
 * Slots for weighted picks: a unit appears as many times as it weighs, so a uniform slot number gives the skew.
 * Eras: `village` (villages, for any date), `old` (communes before the reform), `new` (communes since).
 */
async function buildSlots(db: Database, firstDay: string) {
  const provinceWeight = (column: string) =>
    sql.raw(
      `(case ${column} ${Object.entries(PROVINCE_WEIGHT)
        .map(([code, value]) => `when '${code}' then ${value}`)
        .join(' ')} else 1 end)`,
    );
  const fill = (era: string, units: SQL) =>
    sql`insert into bench_slots (era, slot, unit_id, province_code)
        select ${era}, (row_number() over (order by w.id, k) - 1)::int, w.id, w.province_code
        from (${units}) w cross join lateral generate_series(1, w.weight) k`;
  await once(db, 'Bảng chọn đơn vị theo trọng số', async () => 0, [
    fill(
      'village',
      sql`select u.id, u.province_code, ${provinceWeight('u.province_code')} as weight from units u
          where u.source = 'bench' and u.kind = 'residential_area'
            -- A village of a commune formed after the first day has no place in the hierarchy before it.
            and exists (select 1 from unit_versions v where v.unit_id = u.id and v.valid_from <= ${firstDay}::date)`,
    ),
    fill(
      'old',
      sql`select u.id, u.province_code, ${provinceWeight('u.province_code')} *
            (case when v.type_name = 'Phường' then 3 else 2 end) as weight
          from units u join unit_versions v on v.unit_id = u.id and ${currentOn('v', LAST_OLD_DAY)}
          where u.kind = 'commune' and ${currentOn('u', LAST_OLD_DAY)} and ${inProvince(sql`u.province_code`)}`,
    ),
    fill(
      'new',
      sql`select u.id, u.province_code, ${provinceWeight('u.province_code')} *
            (case when v.type_name = 'Phường' then 3 else 2 end) as weight
          from units u join unit_versions v on v.unit_id = u.id and ${currentOn('v', REFORM_DAY)}
          where u.kind = 'commune' and ${currentOn('u', REFORM_DAY)} and ${inProvince(sql`u.province_code`)}`,
    ),
  ]);
}

/** The province's share of the nation's records (1 at nation scale), by the same weights. */
async function provinceShare(db: Database): Promise<number> {
  if (provinceFilter === null) return 1;
  const weightOf = (code: string) => PROVINCE_WEIGHT[code] ?? 1;
  const rows = await queryRows<{ provinceCode: string; n: number }>(
    db,
    sql`select u.province_code as "provinceCode", count(*)::int as n from units u
        where u.kind = 'commune' and ${currentOn('u', REFORM_DAY)} group by u.province_code`,
  );
  const nation = rows.reduce((sum, row) => sum + Number(row.n) * weightOf(row.provinceCode), 0);
  const mine = rows.find((row) => row.provinceCode === provinceFilter);
  if (!mine) fail(`Không có tỉnh mã ${provinceFilter} trong danh mục`);
  return (Number(mine.n) * weightOf(mine.provinceCode)) / nation;
}

/** Slot count of an era, for `pickSlot`. */
async function slotCount(db: Database, era: string): Promise<number> {
  return count(db, sql`select 1 from bench_slots where era = ${era}`);
}

/** A day between firstDay and today, more often recent (the movement grows, and so does the use of the system). */
function dayOf(row: SQL, salt: number, firstDay: string, days: number): SQL {
  return sql`(${firstDay}::date + floor(power(${rand(row, salt)}, 0.7) * ${days})::int)`;
}

/** An integer the code computed, written into the statement (a bound parameter would be typed text in a CASE). */
function int(value: number | undefined): SQL {
  if (!Number.isInteger(value)) throw new Error(`not an integer: ${value}`);
  return sql.raw(String(value));
}

/** Joins a slot of the era chosen by date: villages (any date), else the commune valid on the day. */
function slotJoin(
  alias: string,
  day: SQL,
  row: SQL,
  salt: number,
  counts: Record<string, number>,
  villageShare: number,
) {
  return sql`join bench_slots ${sql.raw(alias)} on ${sql.raw(alias)}.era = (case
        when ${rand(row, salt)} < ${villageShare} then 'village'
        when ${day} < ${REFORM_DAY}::date then 'old' else 'new' end)
      and ${sql.raw(alias)}.slot = floor(${rand(row, salt + 1)} * (case
        when ${rand(row, salt)} < ${villageShare} then ${int(counts.village)}
        when ${day} < ${REFORM_DAY}::date then ${int(counts.old)} else ${int(counts.new)} end))::int`;
}

async function eraCounts(db: Database) {
  return {
    village: await slotCount(db, 'village'),
    old: await slotCount(db, 'old'),
    new: await slotCount(db, 'new'),
  };
}

async function teamsAndMembers(db: Database) {
  const villages = await count(
    db,
    sql`select 1 from units where source = 'bench' and kind = 'residential_area'`,
  );
  // Every village: the old team (civil defence or urban-block guard board) until the 2024 law, then the grassroots
  // security team since 01/07/2024.
  await once(
    db,
    'Tổ, đội',
    async () => villages * 2,
    sql`insert into teams (kind, name, search_name, unit_id, province_code, established_on, decision_number, decision_date,
          decision_signer, dissolved_on, dissolution_note)
        select t.kind, t.name || ' ' || v.full_name, lower(t.search || ' ' || v.search_name), u.id, u.province_code,
          t.established_on, t.decision, t.established_on, 'Chủ tịch UBND', t.dissolved_on, t.note
        from units u
        join unit_versions v on v.unit_id = u.id and v.valid_to is null
        cross join lateral (values
          (case when v.type_name = 'Tổ dân phố' then 'urban_block_guard_board' else 'civil_defence_team' end,
           case when v.type_name = 'Tổ dân phố' then 'Ban bảo vệ dân phố' else 'Đội dân phòng' end,
           case when v.type_name = 'Tổ dân phố' then 'ban bao ve dan pho' else 'doi dan phong' end,
           ('2015-01-01'::date + (u.id % 700)), 'QĐ-' || u.id || '/UBND', '2024-06-30'::date,
           'Chuyển sang Tổ bảo vệ an ninh, trật tự ở cơ sở theo Luật số 30/2023/QH15'),
          ('grassroots_security_team', 'Tổ bảo vệ an ninh, trật tự', 'to bao ve an ninh trat tu',
           '2024-07-01'::date, 'QĐ-' || u.id || '/UBND-ANTT', null::date, null::text)
        ) as t(kind, name, search, established_on, decision, dissolved_on, note)
        where u.source = 'bench' and u.kind = 'residential_area'`,
  );
  const teams = await count(
    db,
    sql`select 1 from teams t join units u on u.id = t.unit_id where u.source = 'bench'`,
  );
  const members = teams * 7.5;
  const name = personName(sql`t.id * 16 + m`, 20);
  await once(
    db,
    'Thành viên tổ',
    async () => Math.round(members),
    sql`insert into team_members (team_id, unit_id, province_code, full_name, search_name, birth_year, gender, role,
          joined_on, left_on, leave_reason, residence_since)
        select t.id, t.unit_id, t.province_code, ${name.text}, ${name.search},
          (1958 + floor(${rand(sql`t.id * 16 + m`, 23)} * 45))::int,
          case when ${pick(
            MIDDLE_NAMES.map((word) => word.text),
            sql`t.id * 16 + m`,
            21,
          )} = 'Thị' then 'female' else 'male' end,
          case when m = 1 then 'team_leader' when m <= 3 then 'deputy_leader' else 'member' end,
          t.established_on, t.dissolved_on,
          case when t.dissolved_on is not null then 'Tổ giải thể, chuyển sang mô hình mới' end,
          '2000-01-01'::date
        from teams t join units u on u.id = t.unit_id and u.source = 'bench'
        cross join lateral generate_series(1, case when t.dissolved_on is null then 10 else 5 end) m`,
  );
}

async function modelsOf(db: Database, rows: number, firstDay: string, days: number) {
  const counts = await eraCounts(db);
  const kinds = await queryRows<{ id: number; name: string; isCamera: boolean }>(
    db,
    sql`select id, name, is_camera as "isCamera" from model_kinds where active order by sort_order, id`,
  );
  if (kinds.length === 0) fail('Chưa có loại mô hình (danh mục khởi tạo không chạy?)');
  // Camera an ninh is the most common model by far.
  const camera = kinds.find((kind) => kind.isCamera);
  const kindIds = [...kinds.map((kind) => kind.id), ...(camera ? Array(kinds.length).fill(camera.id) : [])];
  const day = dayOf(sql`i`, 31, firstDay, days);
  await generate(
    db,
    'Mô hình tự quản',
    rows,
    (
      from,
      to,
    ) => sql`insert into models (name, search_name, kind_id, lead_unit_id, province_code, started_on, ended_on,
          exemplary, exemplary_year, camera_points, cameras)
        select k.name || ' ' || v.full_name, lower(${normalizeSql(sql`k.name || ' ' || v.full_name`)}),
          k.id, s.unit_id, s.province_code, g.day,
          case when ${rand(sql`i`, 34)} < 0.12 then least(g.day + (200 + floor(${rand(sql`i`, 35)} * 1500))::int, current_date) end,
          ${rand(sql`i`, 36)} < 0.05, case when ${rand(sql`i`, 36)} < 0.05 then extract(year from g.day)::int + 1 end,
          case when k.is_camera then 1 + floor(${rand(sql`i`, 37)} * 12)::int end,
          case when k.is_camera then 2 + floor(${rand(sql`i`, 38)} * 30)::int end
        from (select i, ${day} as day,
                (${`{${kindIds.join(',')}}`}::int[])[1 + floor(${rand(sql`i`, 32)} * ${kindIds.length})::int] as kind_id
              from generate_series(${from}::int, ${to}::int) i) g
        ${slotJoin('s', sql`g.day`, sql`g.i`, 40, counts, 0.7)}
        join model_kinds k on k.id = g.kind_id
        cross join lateral (select lv.full_name, lv.search_name from unit_versions lv where lv.unit_id = s.unit_id
          order by lv.valid_from desc nulls last limit 1) v`,
  );
  await once(
    db,
    'Đơn vị tham gia mô hình',
    async () => rows,
    sql`insert into model_units (model_id, unit_id, lead, province_code)
        select mo.id, mo.lead_unit_id, true, mo.province_code from models mo`,
  );
  await once(
    db,
    'Trạng thái mô hình',
    async () => rows,
    sql`insert into model_status_changes (model_id, unit_id, province_code, status, effective_on, note)
        select mo.id, mo.lead_unit_id, mo.province_code, 'active', mo.started_on, 'Ra mắt mô hình' from models mo
        union all
        select mo.id, mo.lead_unit_id, mo.province_code, 'ended', mo.ended_on, 'Kết thúc' from models mo
        where mo.ended_on is not null`,
  );
}

/** Lower-case search form in SQL (the translate table of normalizeForSearch for Vietnamese letters). */
function normalizeSql(text: SQL): SQL {
  return sql`translate(${text},
    'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
    'AAAAAAAAAAAAAAAAADEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYaaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy')`;
}

async function activitiesOf(db: Database, rows: number, firstDay: string, days: number) {
  const counts = await eraCounts(db);
  const kinds = await queryRows<{ id: number; code: string; name: string; trait: string }>(
    db,
    sql`select id, code, name, trait from activity_kinds where active order by sort_order, id`,
  );
  if (kinds.length === 0) fail('Chưa có loại hoạt động (danh mục khởi tạo không chạy?)');
  // Outreach sessions are most of the movement's activities; festival days and conferences are rare.
  const weightOf: Record<string, number> = {
    outreach: 12,
    citizens_hearing: 3,
    legal_class: 3,
    gratitude_visit: 3,
    crime_campaign: 2,
    movement_launch: 2,
    law_contest: 1,
    conference: 1,
    festival_day: 1,
  };
  const picks = kinds.flatMap((kind) => Array(weightOf[kind.code] ?? 1).fill(kind));
  const titlesOf = (kind: { code: string; name: string }) => ACTIVITY_TITLES[kind.code] ?? [kind.name];
  const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
  // One row per pick: the kind, its title stems and their search forms, so that a title costs one random number.
  const pickTable = sql.raw(
    `(values ${picks
      .map(
        (kind, index) =>
          `(${index + 1}, ${kind.id}, ${quoted(textArray(titlesOf(kind)))}::text[], ${quoted(
            textArray(titlesOf(kind).map(normalizeForSearch)),
          )}::text[])`,
      )
      .join(', ')}) as p(pick, kind_id, titles, searches)`,
  );
  const day = dayOf(sql`i`, 51, firstDay, days);
  await generate(
    db,
    'Hoạt động phong trào',
    rows,
    (
      from,
      to,
    ) => sql`insert into activities (kind_id, title, search_title, unit_id, province_code, starts_on, ends_on,
          organisers, participants, ceremony_held, festival_held, pilot, pilot_chosen_by, gifts_count, gifts_value_vnd)
        select k.id, t.title, t.search, s.unit_id, s.province_code, g.day, g.day,
          case when k.code = 'festival_day' then array['police', 'fatherland_front', 'youth_union']
               else array['police'] end,
          case when k.code = 'festival_day' then 300 + floor(${rand(sql`g.i`, 54)} * 1200)::int
               else 20 + floor(power(${rand(sql`g.i`, 54)}, 2) * 300)::int end,
          case when k.code = 'festival_day' then true end,
          case when k.code = 'festival_day' then true end,
          case when k.code = 'festival_day' then ${rand(sql`g.i`, 55)} < 0.1 end,
          case when k.code = 'festival_day' and ${rand(sql`g.i`, 55)} < 0.1 then 'province' end,
          case when k.code = 'festival_day' then 10 + floor(${rand(sql`g.i`, 56)} * 50)::int end,
          case when k.code = 'festival_day' then (10 + floor(${rand(sql`g.i`, 56)} * 50)::int) * 500000 end
        from (select i, ${day} as day, 1 + floor(${rand(sql`i`, 50)} * ${picks.length})::int as pick
              from generate_series(${from}::int, ${to}::int) i) g
        join ${pickTable} on p.pick = g.pick
        join activity_kinds k on k.id = p.kind_id
        cross join lateral (select 1 + floor(${rand(sql`g.i`, 52)} * array_length(p.titles, 1))::int as n) tn
        cross join lateral (select p.titles[tn.n] as title,
                              p.searches[tn.n] as search) t
        ${slotJoin('s', sql`g.day`, sql`g.i`, 60, counts, 0.5)}`,
  );
}

async function awardsOf(db: Database, rows: number, firstDay: string, days: number) {
  const counts = await eraCounts(db);
  const forms = await queryRows<{ id: number }>(
    db,
    sql`select id from award_forms where active order by sort_order, id`,
  );
  const issuers = await queryRows<{ id: number }>(
    db,
    sql`select id from award_issuers where active order by sort_order, id`,
  );
  if (forms.length === 0 || issuers.length === 0) fail('Chưa có hình thức/cấp khen thưởng');
  const day = dayOf(sql`i`, 71, firstDay, days);
  const name = personName(sql`g.i`, 74);
  await generate(
    db,
    'Khen thưởng',
    rows,
    (
      from,
      to,
    ) => sql`insert into awards (status, recipient_type, recipient_class, recipient_name, recipient_position,
          search_text, unit_id, province_code, form_id, issuer_id, decision_number, decision_date, reason, period_from)
        select 'approved',
          case when g.collective then 'unit' else 'person' end,
          case when g.collective then 'collective' else 'individual' end,
          case when g.collective then v.full_name else ${name.text} end,
          case when g.collective then null else 'Tổ viên Tổ bảo vệ an ninh, trật tự' end,
          case when g.collective then v.search_name else ${name.search} end,
          s.unit_id, s.province_code,
          (${`{${forms.map((form) => form.id).join(',')}}`}::int[])[1 + floor(${rand(sql`g.i`, 72)} * ${forms.length})::int],
          (${`{${issuers.map((issuer) => issuer.id).join(',')}}`}::int[])[1 + floor(${rand(sql`g.i`, 73)} * ${issuers.length})::int],
          g.i || '/QĐ-KT', g.day, 'excellent', extract(year from g.day)::int
        from (select i, ${day} as day, ${rand(sql`i`, 70)} < 0.4 as collective from generate_series(${from}::int, ${to}::int) i) g
        ${slotJoin('s', sql`g.day`, sql`g.i`, 80, counts, 0.6)}
        cross join lateral (select lv.full_name, lv.search_name from unit_versions lv where lv.unit_id = s.unit_id
          order by lv.valid_from desc nulls last limit 1) v`,
  );
}

async function feedbackOf(db: Database, rows: number, firstDay: string, days: number) {
  const counts = await eraCounts(db);
  const day = dayOf(sql`i`, 91, firstDay, days);
  await generate(
    db,
    'Ý kiến phản ánh',
    rows,
    (
      from,
      to,
    ) => sql`insert into feedback (unit_id, province_code, received_on, channel, topic, search_text, status,
          answered_by, answer, answered_on, forwarded_to, forwarded_on)
        select s.unit_id, s.province_code, g.day,
          case when ${rand(sql`g.i`, 92)} < 0.6 then 'hearing' else 'officer' end,
          ${pick(
            FEEDBACK_TOPICS.map((word) => word.text),
            sql`g.i`,
            93,
          )}, ${pick(
            FEEDBACK_TOPICS.map((word) => word.search),
            sql`g.i`,
            93,
          )},
          g.status,
          case when g.status = 'answered' then 'Trưởng Công an xã' end,
          case when g.status = 'answered' then 'Đã tiếp thu, chỉ đạo lực lượng tăng cường tuần tra, xử lý.' end,
          case when g.status = 'answered' then least(g.day + 7, current_date) end,
          case when g.status = 'forwarded' then 'UBND xã' end,
          case when g.status = 'forwarded' then least(g.day + 5, current_date) end
        from (select i, ${day} as day,
                case when ${rand(sql`i`, 94)} < 0.75 then 'answered' when ${rand(sql`i`, 94)} < 0.85 then 'forwarded'
                     else 'open' end as status
              from generate_series(${from}::int, ${to}::int) i) g
        ${slotJoin('s', sql`g.day`, sql`g.i`, 100, counts, 0.7)}`,
  );
}

async function reportsOf(db: Database, rows: number, firstDay: string, days: number) {
  const counts = await eraCounts(db);
  const cipher = new FieldCipher(loadOrCreateKey(config));
  const texts = REPORT_TEXTS.map((text) => cipher.encrypt(text));
  const categories = [
    'drugs',
    'theft',
    'fraud',
    'fraud',
    'fraud',
    'gambling',
    'violence',
    'traffic',
    'environment',
    'fire',
    'weapons',
    'trafficking',
    'other',
  ];
  const day = dayOf(sql`i`, 111, firstDay, days);
  await generate(
    db,
    'Tin báo, tố giác tội phạm',
    rows,
    (
      from,
      to,
    ) => sql`insert into crime_reports (code, secret_hash, category, unit_id, intake_unit_id, province_code, status,
          channel, received_at, received_on, description_enc, anonymous, notice_due_on, decision_due_on, notice_sent_on,
          decided_on, valuable, cases_solved, persons_arrested, property_recovered_vnd)
        select 'G' || lpad(upper(to_hex(g.i)), 9, '0'), md5('bench-secret-' || g.i),
          g.category, s.unit_id, s.unit_id, s.province_code, g.status, 'portal',
          (g.day + interval '8 hours' + make_interval(mins => floor(${rand(sql`g.i`, 113)} * 720)::int)) at time zone 'Asia/Ho_Chi_Minh',
          g.day, (${textArray(texts)}::text[])[1 + floor(${rand(sql`g.i`, 114)} * ${texts.length})::int],
          ${rand(sql`g.i`, 115)} < 0.7,
          g.day + 3, g.day + 20,
          case when g.status <> 'received' then g.day + 2 end,
          case when g.status in ('case_opened', 'case_not_opened', 'closed_duplicate', 'closed_unfounded')
               then least(g.day + 15, current_date) end,
          g.valuable,
          case when g.status = 'case_opened' and ${rand(sql`g.i`, 116)} < 0.6 then 1 else 0 end,
          case when g.status = 'case_opened' then floor(${rand(sql`g.i`, 117)} * 3)::int else 0 end,
          case when g.status = 'case_opened' and g.category in ('theft', 'fraud')
               then floor(${rand(sql`g.i`, 118)} * 50)::bigint * 1000000 else 0 end
        from (select i, ${day} as day,
                ${pick(categories, sql`i`, 112)} as category,
                ${rand(sql`i`, 119)} < 0.3 as valuable,
                case when ${day} > current_date - 20 then
                       (case when ${rand(sql`i`, 120)} < 0.5 then 'received' else 'verifying' end)
                     when ${rand(sql`i`, 120)} < 0.25 then 'case_opened'
                     when ${rand(sql`i`, 120)} < 0.6 then 'case_not_opened'
                     when ${rand(sql`i`, 120)} < 0.75 then 'transferred'
                     when ${rand(sql`i`, 120)} < 0.85 then 'closed_duplicate'
                     else 'closed_unfounded' end as status
              from generate_series(${from}::int, ${to}::int) i) g
        ${slotJoin('s', sql`g.day`, sql`g.i`, 130, { ...counts, village: counts.new }, 0)}`,
  );
}

/** A recognition and a classification result for every unit and year, judged by the set valid that year. */
async function standardResults(db: Database, firstYear: number, lastYear: number) {
  const targetOf = sql`case u.kind when 'residential_area' then 'residential_area' when 'commune' then 'commune'
      when 'school' then 'school' else 'agency_enterprise' end`;
  const unitsOfYear = sql`select u.id, u.province_code, u.kind, y.year
      from generate_series(${firstYear}::int, ${lastYear}::int) y(year)
      join units u on (u.source = 'bench' or (u.kind = 'commune'
          and (u.valid_from is null or u.valid_from <= make_date(y.year, 12, 31))
          and (u.valid_to is null or u.valid_to >= make_date(y.year, 12, 31))))
        and ${inProvince(sql`u.province_code`)}`;
  const unitYears = await count(db, unitsOfYear);
  await once(
    db,
    'Kết quả "An toàn về ANTT"',
    async () => unitYears,
    sql`insert into recognition_records (unit_id, province_code, year, target, set_id, status, registered_on,
          decision_number, decision_date, decided_at, source)
        select x.id, x.province_code, x.year, ${targetOf}, cs.id,
          case when ${rand(sql`x.id * 100 + x.year`, 141)} < 0.78 then 'recognised'
               when ${rand(sql`x.id * 100 + x.year`, 141)} < 0.9 then 'not_recognised' else 'registered' end,
          make_date(x.year, 2, 15),
          case when ${rand(sql`x.id * 100 + x.year`, 141)} < 0.78 then x.id || '/QĐ-UBND' end,
          case when ${rand(sql`x.id * 100 + x.year`, 141)} < 0.78 then make_date(x.year, 11, 10) end,
          case when ${rand(sql`x.id * 100 + x.year`, 141)} < 0.78 then make_date(x.year, 11, 10)::timestamptz end,
          'bench'
        from (${unitsOfYear}) x
        join units u on u.id = x.id
        cross join lateral (select c.id from criteria_sets c where c.target = ${targetOf} and c.from_year <= x.year
                            order by c.from_year desc, c.version desc limit 1) cs`,
  );
  await once(
    db,
    'Kết quả phân loại phong trào',
    async () => unitYears,
    sql`insert into classification_records (unit_id, province_code, year, target, sheet_id, status, total_points,
          proposed_level, approved_level, approved_at, source)
        select x.id, x.province_code, x.year, ${targetOf}, cs.id, 'approved', p.points, p.level, p.level,
          make_date(x.year, 12, 15)::timestamptz, 'bench'
        from (${unitsOfYear}) x
        join units u on u.id = x.id
        cross join lateral (select 40 + floor(power(${rand(sql`x.id * 100 + x.year`, 151)}, 0.5) * 60)::int as points) pts
        cross join lateral (select pts.points,
            case when pts.points >= 90 then 'excellent' when pts.points >= 70 then 'good' else 'average' end as level) p
        cross join lateral (select c.id from classification_sheets c where c.target = ${targetOf} and c.from_year <= x.year
                            order by c.from_year desc, c.version desc limit 1) cs`,
  );
}

main().catch((error) => {
  const cause = error instanceof Error && error.cause instanceof Error ? `\n${error.cause.message}` : '';
  shout(error instanceof Error ? `${error.message.split('\n')[0]}${cause}` : error);
  process.exit(1);
});
