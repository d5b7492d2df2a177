/**
 * SQL of reports: templates (visible by scope: built-in, or owned by a unit inside the reader's scope), the values
 * of the data-driven dimensions (activity kinds, model kinds, award forms and issuers, report categories), and the
 * drill-down: which records stand behind one number, with a non-personal label and the record's web address.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { UnitRef } from '../../../contracts/units.js';
import type { DimensionValue } from '../../../domain/indicators.js';
import type { Permission } from '../../../domain/roles.js';
import { type Database, queryRows } from '../../db/client.js';
import { type Scope, unitInScope } from '../../db/scope.js';
import { toIntArray } from '../../registry/units.js';
import type { FactContext, FactSource } from '../../reporting/rollup.js';
import { ALL_INDICATOR_SOURCES } from '../../reporting/sources.js';
import { reportTemplates } from './reports.table.js';

export type TemplateRecord = typeof reportTemplates.$inferSelect;
export type NewTemplate = typeof reportTemplates.$inferInsert;

const visible = (scope: Scope) =>
  sql`(t.built_in or (t.owner_unit_id is null and ${scope.all}) or
      (t.owner_unit_id is not null and ${unitInScope(scope, sql`t.owner_unit_id`)}))`;

const templateColumns = sql`t.id, t.code, t.title, t.description, t.period_kind as "periodKind",
  t.comparison, t.sections, t.built_in as "builtIn", t.owner_unit_id as "ownerUnitId",
  t.copied_from_id as "copiedFromId", t.created_by as "createdBy", t.created_at as "createdAt",
  t.updated_at as "updatedAt"`;

export async function listTemplates(db: Database, scope: Scope): Promise<TemplateRecord[]> {
  const rows = await queryRows<TemplateRecord>(
    db,
    sql`select ${templateColumns} from report_templates t where ${visible(scope)}
        order by t.built_in desc, t.id`,
  );
  return rows.map(normalise);
}

export async function findTemplate(
  db: Database,
  scope: Scope,
  id: number,
): Promise<TemplateRecord | undefined> {
  const rows = await queryRows<TemplateRecord>(
    db,
    sql`select ${templateColumns} from report_templates t where t.id = ${id} and ${visible(scope)}`,
  );
  return rows[0] ? normalise(rows[0]) : undefined;
}

function normalise(row: TemplateRecord): TemplateRecord {
  return {
    ...row,
    sections: typeof row.sections === 'string' ? JSON.parse(row.sections) : row.sections,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}

export async function findByCode(db: Database, code: string): Promise<TemplateRecord | undefined> {
  const [row] = await db.select().from(reportTemplates).where(eq(reportTemplates.code, code));
  return row;
}

export async function insertTemplate(db: Database, row: NewTemplate): Promise<TemplateRecord> {
  const [saved] = await db.insert(reportTemplates).values(row).returning();
  return saved!;
}

export async function updateTemplate(
  db: Database,
  id: number,
  changes: Partial<NewTemplate>,
): Promise<TemplateRecord> {
  const [saved] = await db
    .update(reportTemplates)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(reportTemplates.id, id))
    .returning();
  return saved!;
}

/** Values of the dimensions that are data, keyed by dimension code, in display order. */
export async function dynamicDimensionValues(db: Database): Promise<Record<string, DimensionValue[]>> {
  const rows = await queryRows<{ dimension: string; key: string; label: string }>(
    db,
    sql`select * from (
          select 'activity_kind' as dimension, code as key, name as label, sort_order, id from activity_kinds
          union all select 'model_kind', code, name, 0, id from model_kinds
          union all select 'award_form', code, name, sort_order, id from award_forms
          union all select 'award_issuer', code, name, sort_order, id from award_issuers
          union all select 'crime_category', code, label, sort_order, 0 from report_categories
        ) d order by d.dimension, d.sort_order, d.id, d.key`,
  );
  const values: Record<string, DimensionValue[]> = {};
  for (const row of rows) {
    const list = values[row.dimension] ?? [];
    list.push({ key: row.key, label: row.label });
    values[row.dimension] = list;
  }
  return values;
}

// ---- drill-down ---------------------------------------------------------------------------------------------------

/** SQL selecting `unit_id`, `dimension_value`, `record_id` and `measure`: the records behind an indicator. */
type DrillSource = (context: FactContext) => SQL;

interface RecordKind {
  module: string;
  /** SQL selecting `id`, `label`, `unit_id`, `date` and `href` of the records with these ids. */
  lookup: (ids: SQL) => SQL;
}

const latestUnitName = (expression: string) =>
  sql.raw(`(select v.full_name from unit_versions v where v.unit_id = ${expression}
            order by v.valid_to desc nulls first limit 1)`);

const RECORD_KINDS = {
  team: {
    module: 'teams',
    lookup: (ids) =>
      sql`select t.id, t.name as label, t.unit_id, t.established_on::text as date, '/luc-luong/' || t.id as href
          from teams t where t.id = any(${ids})`,
  },
  // A member is a person: the label names the team and the role, never the person.
  teamMember: {
    module: 'team_members',
    lookup: (ids) =>
      sql`select m.id, 'Thành viên của ' || t.name as label, m.unit_id, m.joined_on::text as date,
            '/luc-luong/' || t.id as href
          from team_members m join teams t on t.id = m.team_id where m.id = any(${ids})`,
  },
  model: {
    module: 'models',
    lookup: (ids) =>
      sql`select mo.id, mo.name as label, mo.lead_unit_id as unit_id, mo.started_on::text as date,
            '/mo-hinh/' || mo.id as href from models mo where mo.id = any(${ids})`,
  },
  unit: {
    module: 'units',
    lookup: (ids) =>
      sql`select u.id, ${latestUnitName('u.id')} as label, u.id as unit_id, null::text as date,
            '/don-vi/' || u.id as href from units u where u.id = any(${ids})`,
  },
  activity: {
    module: 'activities',
    lookup: (ids) =>
      sql`select a.id, a.title as label, a.unit_id, a.starts_on::text as date, '/hoat-dong/' || a.id as href
          from activities a where a.id = any(${ids})`,
  },
  // An award to a person: the form and the decision, not the name.
  award: {
    module: 'awards',
    lookup: (ids) =>
      sql`select w.id, f.name || case when w.recipient_class = 'collective' then ' (tập thể)' else ' (cá nhân)' end
              || coalesce(' – Quyết định số ' || w.decision_number, '') as label,
            w.unit_id, w.decision_date::text as date, '/khen-thuong/' || w.id as href
          from awards w join award_forms f on f.id = w.form_id where w.id = any(${ids})`,
  },
  feedback: {
    module: 'feedback',
    lookup: (ids) =>
      sql`select f.id, 'Ý kiến: ' || f.topic as label, f.unit_id, f.received_on::text as date,
            '/y-kien-nhan-dan/' || f.id as href from feedback f where f.id = any(${ids})`,
  },
  // A crime report is named by its tracking code only: never its content, never the reporter.
  crimeReport: {
    module: 'crime_reports',
    lookup: (ids) =>
      sql`select r.id, 'Tin báo ' || r.code || ' – ' || coalesce(c.label, r.category) as label, r.unit_id,
            r.received_on::text as date, '/to-giac/' || r.id as href
          from crime_reports r left join report_categories c on c.code = r.category where r.id = any(${ids})`,
  },
  reintegrationCase: {
    module: 'reintegration',
    lookup: (ids) =>
      sql`select c.id, 'Hồ sơ tái hòa nhập số ' || c.id as label, c.unit_id, c.opened_on::text as date,
            '/tai-hoa-nhap/' || c.id as href from reintegration_cases c where c.id = any(${ids})`,
  },
  meeting: {
    module: 'committees',
    lookup: (ids) =>
      sql`select m.id, m.title as label, m.unit_id, m.held_on::text as date, '/ban-chi-dao/' || m.team_id as href
          from committee_meetings m where m.id = any(${ids})`,
  },
  task: {
    module: 'coordination_tasks',
    lookup: (ids) =>
      sql`select t.id, t.title as label, t.unit_id, t.due_on::text as date,
            case when t.meeting_id is not null then '/ban-chi-dao/' || (select m.team_id from committee_meetings m where m.id = t.meeting_id)
                 else '/chuong-trinh-phoi-hop/ke-hoach/' || t.plan_id end as href
          from coordination_tasks t where t.id = any(${ids})`,
  },
  recognitionRecord: {
    module: 'recognition',
    lookup: (ids) =>
      sql`select r.id, 'Hồ sơ năm ' || r.year || ' – ' || ${latestUnitName('r.unit_id')} as label, r.unit_id,
            r.registered_on::text as date, '/an-toan-antt/ho-so/' || r.id as href
          from recognition_records r where r.id = any(${ids})`,
  },
  classification: {
    module: 'classification',
    lookup: (ids) =>
      sql`select c.id, 'Phân loại năm ' || c.year || ' – ' || ${latestUnitName('c.unit_id')} as label, c.unit_id,
            null::text as date, '/phan-loai-phong-trao' as href
          from classification_records c where c.id = any(${ids})`,
  },
} satisfies Record<string, RecordKind>;

export interface DrillDefinition {
  kind: RecordKind;
  /** The reader needs one of these to see the records (the counts themselves are statistics). */
  permissions: readonly Permission[];
  /** Absent: the indicator's fact source, whose measure is the record id (a count of distinct records). */
  source?: DrillSource;
}

const activityInPeriod = (from: string, asOf: string) =>
  sql`a.starts_on >= ${from}::date and a.starts_on <= ${asOf}::date`;
const modelExisting = (asOf: string) =>
  sql`mo.started_on <= ${asOf}::date and (mo.ended_on is null or mo.ended_on > ${asOf}::date)`;
const cameraSource =
  (column: 'cameras' | 'camera_points'): DrillSource =>
  ({ asOf, unitCondition }) =>
    sql`select mo.lead_unit_id as unit_id, null::text as dimension_value, mo.id as record_id,
          coalesce(mo.${sql.raw(column)}, 0) as measure
        from models mo join model_kinds k on k.id = mo.kind_id
        where ${modelExisting(asOf)} and k.is_camera and ${unitCondition(sql`mo.lead_unit_id`)}`;
const crimeSum =
  (column: 'cases_solved' | 'persons_arrested' | 'property_recovered_vnd'): DrillSource =>
  ({ asOf, from, unitCondition }) =>
    sql`select r.unit_id, null::text as dimension_value, r.id as record_id, r.${sql.raw(column)} as measure
        from crime_reports r where r.${sql.raw(column)} > 0
          and r.received_on >= ${from}::date and r.received_on <= ${asOf}::date and ${unitCondition(sql`r.unit_id`)}`;

const registry: Permission[] = ['registry.read'];
const of = (kind: RecordKind, permissions: readonly Permission[], source?: DrillSource): DrillDefinition =>
  source ? { kind, permissions, source } : { kind, permissions };

export const DRILL_DEFINITIONS: Readonly<Record<string, DrillDefinition>> = {
  teams: of(RECORD_KINDS.team, registry),
  steering_committees: of(RECORD_KINDS.team, registry),
  team_members: of(RECORD_KINDS.teamMember, registry),
  team_members_by_kind: of(RECORD_KINDS.teamMember, registry),
  models: of(RECORD_KINDS.model, registry),
  models_by_status: of(RECORD_KINDS.model, registry),
  exemplary_models: of(RECORD_KINDS.model, registry),
  models_new: of(RECORD_KINDS.model, registry),
  model_units: of(RECORD_KINDS.unit, registry),
  camera_points: of(RECORD_KINDS.model, registry, cameraSource('camera_points')),
  cameras: of(RECORD_KINDS.model, registry, cameraSource('cameras')),
  activities: of(RECORD_KINDS.activity, ['activities.read']),
  activity_participants: of(
    RECORD_KINDS.activity,
    ['activities.read'],
    ({ asOf, from, unitCondition }) =>
      sql`select a.unit_id, k.code as dimension_value, a.id as record_id, coalesce(a.participants, 0) as measure
          from activities a join activity_kinds k on k.id = a.kind_id
          where ${activityInPeriod(from, asOf)} and ${unitCondition(sql`a.unit_id`)}`,
  ),
  festival_sites: of(RECORD_KINDS.unit, ['activities.read']),
  learners: of(
    RECORD_KINDS.activity,
    ['activities.read'],
    ({ asOf, from, unitCondition }) =>
      sql`select a.unit_id, l.value->>'group' as dimension_value, a.id as record_id, (l.value->>'count')::int as measure
          from activities a cross join lateral jsonb_array_elements(a.learners) l
          where ${activityInPeriod(from, asOf)} and ${unitCondition(sql`a.unit_id`)}`,
  ),
  awards_by_form: of(RECORD_KINDS.award, ['awards.read']),
  awards_by_issuer: of(RECORD_KINDS.award, ['awards.read']),
  awards_by_recipient: of(RECORD_KINDS.award, ['awards.read']),
  awards_collective: of(RECORD_KINDS.award, ['awards.read']),
  awards_individual: of(RECORD_KINDS.award, ['awards.read']),
  feedback_received: of(RECORD_KINDS.feedback, ['feedback.read']),
  feedback_answered: of(RECORD_KINDS.feedback, ['feedback.read']),
  crime_reports_received: of(RECORD_KINDS.crimeReport, ['crime_reports.read']),
  crime_reports_valuable: of(RECORD_KINDS.crimeReport, ['crime_reports.read']),
  crime_cases_solved: of(RECORD_KINDS.crimeReport, ['crime_reports.read'], crimeSum('cases_solved')),
  crime_persons_arrested: of(RECORD_KINDS.crimeReport, ['crime_reports.read'], crimeSum('persons_arrested')),
  crime_property_recovered: of(
    RECORD_KINDS.crimeReport,
    ['crime_reports.read'],
    crimeSum('property_recovered_vnd'),
  ),
  reintegration_cases: of(RECORD_KINDS.reintegrationCase, ['reintegration.read']),
  reintegration_with_job: of(RECORD_KINDS.reintegrationCase, ['reintegration.read']),
  reintegration_opened: of(RECORD_KINDS.reintegrationCase, ['reintegration.read']),
  reintegration_ended: of(RECORD_KINDS.reintegrationCase, ['reintegration.read']),
  committee_meetings: of(RECORD_KINDS.meeting, ['programmes.read']),
  committee_conclusions: of(RECORD_KINDS.task, ['programmes.read']),
  programme_tasks: of(RECORD_KINDS.task, ['programmes.read']),
  standard_units: of(RECORD_KINDS.unit, ['recognition.read']),
  standard_records: of(RECORD_KINDS.recognitionRecord, ['recognition.read']),
  classification_levels: of(RECORD_KINDS.classification, ['classification.read']),
};

export interface DrillFact {
  unitId: number;
  recordId: number;
  measure: number;
}

/** Every record behind the indicator (one value of its dimension, if given) among the units of `unitCondition`. */
export async function drillFacts(
  db: Database,
  indicator: string,
  dimensionValue: string | undefined,
  context: FactContext,
): Promise<DrillFact[]> {
  const definition = DRILL_DEFINITIONS[indicator]!;
  const source = definition.source
    ? definition.source(context)
    : sql`select f.unit_id, f.dimension_value, (f.measure)::text::int as record_id, 1 as measure
          from (${(ALL_INDICATOR_SOURCES[indicator] as FactSource)(context)}) f`;
  const rows = await queryRows<DrillFact>(
    db,
    sql`select d.unit_id as "unitId", d.record_id as "recordId", sum(d.measure::numeric)::float8 as measure
        from (${source}) d
        where ${dimensionValue === undefined ? sql`true` : sql`d.dimension_value = ${dimensionValue}`}
        group by d.unit_id, d.record_id`,
  );
  return rows.map((row) => ({ ...row, measure: Number(row.measure) }));
}

export interface DrillRecordRow {
  id: number;
  label: string;
  unitId: number | null;
  date: string | null;
  href: string | null;
}

export async function lookupRecords(
  db: Database,
  indicator: string,
  ids: readonly number[],
): Promise<{ module: string; rows: DrillRecordRow[] }> {
  const kind = DRILL_DEFINITIONS[indicator]!.kind;
  if (ids.length === 0) return { module: kind.module, rows: [] };
  const rows = await queryRows<DrillRecordRow>(
    db,
    sql`select l.id, l.label, l.unit_id as "unitId", l.date, l.href
        from (${kind.lookup(sql`${toIntArray(ids)}::int[]`)}) l`,
  );
  return { module: kind.module, rows };
}

/** Units named by their version of `today`, or their latest one (a record's unit may no longer exist). */
export async function unitRefsLatest(
  db: Database,
  ids: readonly number[],
  today: string,
): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return queryRows<UnitRef>(
    db,
    sql`select distinct on (u.id) u.id, u.code, u.kind, v.full_name as "fullName"
        from units u join unit_versions v on v.unit_id = u.id
        where u.id = any(${toIntArray(ids)}::int[])
        order by u.id, (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date) desc,
          v.valid_to desc nulls first`,
  );
}
