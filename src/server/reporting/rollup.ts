/**
 * Counts rolled up the hierarchy, for any unit and date, on either hierarchy: the one SQL layer behind every
 * summary of the registries (and, later, the reports).
 *
 * An indicator is a definition (src/domain/indicators.ts) plus a fact source here: SQL giving, for the records that
 * exist on the date and lie in the reader's scope, one row per fact `(unit_id, dimension_value, measure)` — the
 * unit the record was recorded for, the value of the indicator's dimension, and what to aggregate (an identity for
 * `distinct`, a number for `sum`). The layer aggregates each source per unit first (small), then places every unit
 * in a row of the table:
 *
 * - basis `as_of`: the hierarchy as it was on the date. A record counts under the child of the chosen unit that was
 *   its unit's ancestor on that date (the path of the unit's version valid then).
 * - basis `current`: today's hierarchy. A record counts under today's child that is the ancestor of the unit its
 *   own unit became.
 *
 * "The unit it became" on a date: the unit itself if it exists on that date, else its successor through
 * unit_lineage (following several steps if needed); a unit with no lineage of its own (a village of a merged
 * commune) goes where its nearest ancestor went. The same mapping serves `as_of` for a record that outlived its
 * unit (a village team still active after its commune merged).
 *
 * Split units (a predecessor whose lineage links are all `partial`): every record counts exactly ONCE, so that the
 * total is always the sum of the rows and no record is counted twice. It goes to the successor with a `whole` link
 * if there is one; otherwise to the successor that took over the old unit's code (the continuing commune), else to
 * the successor with the lowest code; the row is flagged `partial` with the number of such split units, because
 * the true share of each successor is unknown (villages were not listed in the crosswalk).
 *
 * Records attached to the chosen unit itself (a commune's steering committee) form the "self" row.
 *
 * The facts of the indicators that have an interval definition are read from the aggregate tables
 * (aggregates.ts), which give the same numbers as their raw sources (tested); the others are computed from the raw
 * rows.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { SummaryResponse } from '../../contracts/registry.js';
import type { UnitRef } from '../../contracts/units.js';
import { formatDateVi, todayInVietnam } from '../../domain/dates.js';
import { invalid, notFound } from '../../domain/errors.js';
import {
  addFact,
  type DimensionValue,
  emptyValues,
  type HierarchyBasis,
  type IndicatorDefinition,
  indicatorColumns,
} from '../../domain/indicators.js';
import { compareVietnamese } from '../../domain/text.js';
import { idsInPath, type UnitKind } from '../../domain/units.js';
import { type Database, queryRows } from '../db/client.js';
import { resolveScope, type Scope, unitInScope } from '../db/scope.js';
import { isInScope } from '../modules/units/units.repo.js';
import { toIntArray } from '../registry/units.js';
import { drainFacts, readAggregateFacts } from './aggregates.js';
import { allIndicatorIntervals } from './intervals.js';
import { ALL_INDICATOR_SOURCES } from './sources.js';

export interface FactContext {
  /** The date records must exist on; for counts of events (cases opened, meetings held), the period's last day. */
  asOf: string;
  /** For events (activities, awards, feedback): the first day of the period counted, up to `asOf`. */
  from: string;
  /** Condition on a unit id expression: inside the reader's scope and among the units the summary may count. */
  unitCondition: (unitIdExpression: SQL) => SQL;
}

/** SQL selecting `unit_id`, `dimension_value` (text or null) and `measure` for the facts of one indicator. */
export type FactSource = (context: FactContext) => SQL;

export type IndicatorSources = Readonly<Record<string, FactSource>>;

export interface RollupRequest {
  definitions: readonly IndicatorDefinition[];
  sources: IndicatorSources;
  /** The unit whose children form the rows; null = the whole country (rows are provinces). */
  unitId: number | null;
  asOf: string;
  /** The first day of the period for event indicators (default: 1 January of the year of `asOf`). */
  from?: string | undefined;
  basis: HierarchyBasis;
  scope: Scope;
  /** Values of dimensions that are data (e.g. model kinds), keyed by dimension code. */
  dynamicValues?: Record<string, readonly DimensionValue[]>;
  today?: string;
}

interface Target {
  ref: UnitRef | null;
  /** Path on the placement date; '/' for the whole country. */
  path: string;
}

interface ChildRow {
  id: number;
  code: string;
  kind: UnitKind;
  fullName: string;
}

interface UnitFact {
  unitId: number;
  indicator: string;
  dimensionValue: string | null;
  value: number;
}

/**
 * Where each indicator's facts are read: `aggregates` (the default) serves every indicator whose source has an
 * interval definition from the aggregate tables (reporting/aggregates.ts) and the others from their raw source;
 * `raw` computes everything from the records (the reference the aggregates are tested against).
 */
export type FactPath = 'aggregates' | 'raw';

export async function rollup(db: Database, request: RollupRequest): Promise<SummaryResponse> {
  return rollupVia(db, request, 'aggregates');
}

/** The indicators of a request that the aggregate tables serve (their source is the catalogue's, with intervals). */
export function aggregatedIndicators(request: Pick<RollupRequest, 'definitions' | 'sources'>): string[] {
  const intervals = allIndicatorIntervals();
  return request.definitions
    .map((definition) => definition.code)
    .filter((code) => intervals[code] !== undefined && request.sources[code] === ALL_INDICATOR_SOURCES[code]);
}

export async function rollupVia(
  db: Database,
  request: RollupRequest,
  path: FactPath,
): Promise<SummaryResponse> {
  const today = request.today ?? todayInVietnam();
  const periodFrom = request.from ?? `${request.asOf.slice(0, 4)}-01-01`;
  if (periodFrom > request.asOf) {
    throw invalid('summary.period_invalid', 'Ngày đầu kỳ phải trước hoặc bằng ngày cuối kỳ', 'from');
  }
  const placementDate = request.basis === 'as_of' ? request.asOf : today;
  const target = await findTarget(db, request, placementDate);
  const children = await listChildren(db, target, placementDate);

  // Which units may hold records that land in this table: whatever is or was part of the target on the placement
  // date (its subtree then, and the subtrees of the units merged into it), exactly as a user of it would see.
  let candidate: (unitIdExpression: SQL) => SQL = () => sql`true`;
  if (target.ref !== null) {
    const targetScope = await resolveScope(db, target.ref.id, placementDate);
    candidate = (expression) => unitInScope(targetScope, expression);
  }
  const unitCondition = (expression: SQL) =>
    sql`(${unitInScope(request.scope, expression)} and ${candidate(expression)})`;

  const facts: UnitFact[] = [];
  const aggregated = new Set(path === 'aggregates' ? aggregatedIndicators(request) : []);
  if (aggregated.size > 0) await drainFacts(db);
  for (const definition of request.definitions) {
    const source = request.sources[definition.code];
    if (!source) throw new Error(`no fact source for indicator ${definition.code}`);
    if (aggregated.has(definition.code)) {
      const rows = await readAggregateFacts(
        db,
        definition.code,
        allIndicatorIntervals()[definition.code]!,
        { from: periodFrom, asOf: request.asOf, unitCondition },
        definition.aggregation === 'distinct' ? 'distinct' : 'sum',
      );
      for (const row of rows) facts.push({ ...row, indicator: definition.code });
      continue;
    }
    const aggregate =
      definition.aggregation === 'distinct' ? sql`count(distinct f.measure)` : sql`sum(f.measure::numeric)`;
    const rows = await queryRows<{ unitId: number; dimensionValue: string | null; value: number }>(
      db,
      sql`select f.unit_id as "unitId", f.dimension_value as "dimensionValue", (${aggregate})::float8 as value
          from (${source({ asOf: request.asOf, from: periodFrom, unitCondition })}) f
          group by f.unit_id, f.dimension_value`,
    );
    for (const row of rows) facts.push({ ...row, indicator: definition.code, value: Number(row.value) });
  }

  const unitIds = [...new Set(facts.map((fact) => fact.unitId))];
  const placement = await placeOn(db, unitIds, target, placementDate);

  const columns = indicatorColumns(request.definitions, request.dynamicValues);
  const definitionOf = new Map(request.definitions.map((definition) => [definition.code, definition]));
  const selfKey = 'self';
  const rowValues = new Map<string, Record<string, number>>();
  const partialUnits = new Map<string, Set<number>>();
  rowValues.set(selfKey, emptyValues(columns));
  for (const child of children) rowValues.set(`unit:${child.id}`, emptyValues(columns));
  let unplaced = 0;
  for (const fact of facts) {
    const place = placement.get(fact.unitId);
    const key = place === undefined ? undefined : place.childId === null ? selfKey : `unit:${place.childId}`;
    const values = key === undefined ? undefined : rowValues.get(key);
    if (!values || key === undefined) {
      unplaced += 1;
      continue;
    }
    addFact(values, definitionOf.get(fact.indicator)!, fact.dimensionValue, fact.value);
    if (place?.partial) {
      const set = partialUnits.get(key) ?? new Set<number>();
      set.add(fact.unitId);
      partialUnits.set(key, set);
    }
  }

  const targetName = target.ref?.fullName ?? 'Toàn quốc';
  const rows: SummaryResponse['rows'] = [
    {
      key: selfKey,
      unit: target.ref,
      label: `Trực thuộc trực tiếp ${targetName}`,
      self: true,
      partial: (partialUnits.get(selfKey)?.size ?? 0) > 0,
      partialUnits: partialUnits.get(selfKey)?.size ?? 0,
      values: rowValues.get(selfKey)!,
    },
    ...[...children]
      .sort((a, b) => compareVietnamese(a.fullName, b.fullName))
      .map((child) => {
        const key = `unit:${child.id}`;
        const partial = partialUnits.get(key)?.size ?? 0;
        return {
          key,
          unit: { id: child.id, code: child.code, kind: child.kind, fullName: child.fullName },
          label: child.fullName,
          self: false,
          partial: partial > 0,
          partialUnits: partial,
          values: rowValues.get(key)!,
        };
      }),
  ];
  const total = emptyValues(columns);
  for (const row of rows) for (const column of columns) total[column.key]! += row.values[column.key] ?? 0;

  const notes: string[] = [];
  if (request.basis === 'current') {
    notes.push(
      'Hồ sơ gắn với đơn vị cũ được tính cho đơn vị hiện nay kế thừa nó theo danh mục sáp nhập; mỗi hồ sơ chỉ tính một lần.',
    );
    if (rows.some((row) => row.partial)) {
      notes.push(
        'Dòng đánh dấu "một phần" có hồ sơ của đơn vị cũ bị chia tách cho nhiều đơn vị mới: hồ sơ được tính cho đơn vị mới mang mã của đơn vị cũ (hoặc mã nhỏ nhất), số liệu là gần đúng.',
      );
    }
  } else {
    notes.push(`Theo đơn vị hành chính tại ngày ${formatDateVi(request.asOf)}.`);
  }
  if (unplaced > 0) {
    notes.push(
      `${unplaced} nhóm số liệu của đơn vị không xác định được đơn vị cấp trên tương ứng nên không được tính.`,
    );
  }
  return {
    unit: target.ref,
    ...(request.from === undefined ? {} : { from: periodFrom }),
    asOf: request.asOf,
    basis: request.basis,
    generatedAt: new Date().toISOString(),
    columns,
    rows,
    total,
    notes,
  };
}

/**
 * The records of one cell of a roll-up table (drill-down): the condition a fact source needs (reader's scope and
 * the units that may land in the table of `unitId`), and the filter keeping exactly the units whose records the
 * roll-up counts under `unitId` (any of its rows), so that a drill-down lists what the number counts.
 */
export async function cellUnits(
  db: Database,
  request: { unitId: number | null; asOf: string; basis: HierarchyBasis; scope: Scope; today?: string },
): Promise<{
  unitCondition: (unitIdExpression: SQL) => SQL;
  countedUnder: (unitIds: number[]) => Promise<Set<number>>;
}> {
  const today = request.today ?? todayInVietnam();
  const placementDate = request.basis === 'as_of' ? request.asOf : today;
  const target = await findTarget(
    db,
    { ...request, definitions: [], sources: {} } satisfies RollupRequest,
    placementDate,
  );
  let candidate: (unitIdExpression: SQL) => SQL = () => sql`true`;
  if (target.ref !== null) {
    const targetScope = await resolveScope(db, target.ref.id, placementDate);
    candidate = (expression) => unitInScope(targetScope, expression);
  }
  return {
    unitCondition: (expression) =>
      sql`(${unitInScope(request.scope, expression)} and ${candidate(expression)})`,
    countedUnder: async (unitIds) => {
      const placement = await placeOn(db, [...new Set(unitIds)], target, placementDate);
      return new Set(placement.keys());
    },
  };
}

async function findTarget(db: Database, request: RollupRequest, placementDate: string): Promise<Target> {
  if (request.unitId === null) {
    if (!request.scope.all) throw new Error('a scoped reader needs a unit');
    return { ref: null, path: '/' };
  }
  if (!(await isInScope(db, request.scope, request.unitId))) {
    throw notFound('units.not_found', `Không tìm thấy đơn vị có mã định danh ${request.unitId}`);
  }
  const rows = await queryRows<UnitRef & { path: string }>(
    db,
    sql`select u.id, u.code, u.kind, v.full_name as "fullName", v.path
        from units u join unit_versions v on v.unit_id = u.id
        where u.id = ${request.unitId}
          and (v.valid_from is null or v.valid_from <= ${placementDate}::date)
          and (v.valid_to is null or v.valid_to >= ${placementDate}::date)
        limit 1`,
  );
  const row = rows[0];
  if (!row) {
    throw invalid(
      'summary.unit_not_on_date',
      request.basis === 'as_of'
        ? `Đơn vị này không tồn tại vào ngày ${formatDateVi(placementDate)}: hãy chọn đơn vị của ngày đó, hoặc xem quy đổi về đơn vị hiện nay`
        : 'Đơn vị này nay không còn (đã sáp nhập hoặc giải thể): hãy chọn đơn vị hiện nay, hoặc xem theo đơn vị tại ngày',
      'unit',
    );
  }
  const { path, ...ref } = row;
  return { ref, path };
}

async function listChildren(db: Database, target: Target, date: string): Promise<ChildRow[]> {
  const parent =
    target.ref === null
      ? sql`v.parent_id is null and u.kind = 'province'`
      : sql`v.parent_id = ${target.ref.id}`;
  return queryRows<ChildRow>(
    db,
    sql`select u.id, u.code, u.kind, v.full_name as "fullName"
        from unit_versions v join units u on u.id = v.unit_id
        where ${parent}
          and (v.valid_from is null or v.valid_from <= ${date}::date)
          and (v.valid_to is null or v.valid_to >= ${date}::date)`,
  );
}

interface Placement {
  /** The child row's unit id; null for the target itself. */
  childId: number | null;
  partial: boolean;
}

/** The child of `targetPath` on the way to `path`: null when it is the target itself, undefined when outside. */
function childOf(path: string, targetPath: string): number | null | undefined {
  if (!path.startsWith(targetPath)) return undefined;
  const rest = idsInPath(path.slice(targetPath.length - 1));
  return rest.length === 0 ? null : rest[0]!;
}

interface LineageEdge {
  predecessorId: number;
  successorId: number;
  relation: 'whole' | 'partial';
  successorCode: string;
}

/**
 * Maps units to the units of `date` (see the module comment), then places them under the target's children of
 * that date.
 */
async function placeOn(
  db: Database,
  unitIds: number[],
  target: Target,
  date: string,
): Promise<Map<number, Placement>> {
  const placement = new Map<number, Placement>();
  if (unitIds.length === 0) return placement;
  const mapped = await mapUnitsToDate(db, unitIds, date);
  const mappedIds = [...new Set([...mapped.values()].map((entry) => entry.unitId))];
  const paths =
    mappedIds.length === 0
      ? []
      : await queryRows<{ unitId: number; path: string }>(
          db,
          sql`select v.unit_id as "unitId", v.path from unit_versions v
              where v.unit_id = any(${toIntArray(mappedIds)}::int[])
                and (v.valid_from is null or v.valid_from <= ${date}::date)
                and (v.valid_to is null or v.valid_to >= ${date}::date)`,
        );
  const pathOf = new Map(paths.map((row) => [row.unitId, row.path]));
  for (const [unitId, entry] of mapped) {
    const path = pathOf.get(entry.unitId);
    const childId = path === undefined ? undefined : childOf(path, target.path);
    if (childId !== undefined) placement.set(unitId, { childId, partial: entry.partial });
  }
  return placement;
}

/**
 * The unit each unit had become on `date` (itself when it existed then); units that lead nowhere (no successor, no
 * ancestor that has one) are left out.
 */
export async function mapUnitsToDate(
  db: Database,
  unitIds: readonly number[],
  date: string,
): Promise<Map<number, { unitId: number; partial: boolean }>> {
  const result = new Map<number, { unitId: number; partial: boolean }>();
  if (unitIds.length === 0) return result;
  const info = new Map<number, { code: string; current: boolean; lastPath: string }>();
  const loadInfo = async (ids: number[]) => {
    const missing = ids.filter((id) => !info.has(id));
    if (missing.length === 0) return;
    const rows = await queryRows<{ id: number; code: string; current: boolean; lastPath: string }>(
      db,
      sql`select u.id, u.code,
            bool_or((v.valid_from is null or v.valid_from <= ${date}::date) and (v.valid_to is null or v.valid_to >= ${date}::date)) as current,
            (array_agg(v.path order by v.valid_to desc nulls first))[1] as "lastPath"
          from units u join unit_versions v on v.unit_id = u.id
          where u.id = any(${toIntArray(missing)}::int[])
          group by u.id, u.code`,
    );
    for (const row of rows)
      info.set(row.id, { code: row.code, current: row.current, lastPath: row.lastPath });
  };
  await loadInfo([...unitIds]);
  const gone = unitIds.filter((id) => info.get(id)?.current === false);
  const ancestors = new Set<number>();
  for (const id of gone) for (const ancestor of idsInPath(info.get(id)!.lastPath)) ancestors.add(ancestor);
  await loadInfo([...ancestors]);

  // Every lineage edge reachable from the units that are gone and their ancestors.
  const start = [...new Set([...gone, ...ancestors])];
  const edges =
    start.length === 0
      ? []
      : await queryRows<LineageEdge>(
          db,
          sql`with recursive reach(id) as (
                select unnest(${toIntArray(start)}::int[])
                union
                select l.successor_id from unit_lineage l join reach r on r.id = l.predecessor_id)
              select l.predecessor_id as "predecessorId", l.successor_id as "successorId", l.relation,
                su.code as "successorCode"
              from unit_lineage l join reach r on r.id = l.predecessor_id join units su on su.id = l.successor_id`,
        );
  const successorsOf = new Map<number, LineageEdge[]>();
  for (const edge of edges) {
    const list = successorsOf.get(edge.predecessorId) ?? [];
    list.push(edge);
    successorsOf.set(edge.predecessorId, list);
  }
  await loadInfo([...new Set(edges.map((edge) => edge.successorId))]);

  const resolved = new Map<number, { unitId: number; partial: boolean } | null>();
  const resolve = (id: number, visiting: Set<number>): { unitId: number; partial: boolean } | null => {
    if (resolved.has(id)) return resolved.get(id)!;
    if (visiting.has(id)) return null;
    visiting.add(id);
    const unit = info.get(id);
    let answer: { unitId: number; partial: boolean } | null = null;
    if (unit?.current) {
      answer = { unitId: id, partial: false };
    } else if (unit) {
      const links = successorsOf.get(id) ?? [];
      if (links.length > 0) {
        const chosen =
          links.find((link) => link.relation === 'whole') ??
          links.find((link) => link.successorCode === unit.code) ??
          [...links].sort((a, b) => (a.successorCode < b.successorCode ? -1 : 1))[0]!;
        const next = resolve(chosen.successorId, visiting);
        if (next) answer = { unitId: next.unitId, partial: next.partial || chosen.relation === 'partial' };
      } else {
        // No lineage of its own: it goes where its nearest ancestor (of its last version) went.
        const chain = idsInPath(unit.lastPath).slice(0, -1).reverse();
        for (const ancestor of chain) {
          answer = resolve(ancestor, visiting);
          if (answer) break;
        }
      }
    }
    visiting.delete(id);
    resolved.set(id, answer);
    return answer;
  };
  for (const id of unitIds) {
    const answer = resolve(id, new Set());
    if (answer) result.set(id, answer);
  }
  return result;
}
