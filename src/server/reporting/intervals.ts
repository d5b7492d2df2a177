/**
 * Interval definitions: for an indicator served from the aggregate tables, what each record contributes over time.
 * They restate an indicator's raw fact source (the reference, still used for the indicators without one) as facts
 * with a validity: a `state` fact counts on every date d with start_day <= d < end_day (end_day null = open), an
 * `event` fact counts on the day start_day. A module writes them next to its raw sources; a test checks that both
 * give the same numbers for every indicator, date and period.
 */
import type { SQL } from 'drizzle-orm';
import { ACTIVITY_INDICATOR_INTERVALS } from '../modules/activities/activities.repo.js';
import { AWARD_INDICATOR_INTERVALS } from '../modules/awards/awards.repo.js';
import { COMMITTEE_INDICATOR_INTERVALS } from '../modules/committees/committees.repo.js';
import { CRIME_REPORT_INDICATOR_INTERVALS } from '../modules/crime-reports/crime-reports.repo.js';
import { FEEDBACK_INDICATOR_INTERVALS } from '../modules/feedback/feedback.repo.js';
import { MODEL_INDICATOR_INTERVALS } from '../modules/models/models.repo.js';
import { RECOGNITION_INDICATOR_INTERVALS } from '../modules/recognition/recognition.repo.js';
import { REINTEGRATION_INDICATOR_INTERVALS } from '../modules/reintegration/reintegration.repo.js';
import { TEAM_INDICATOR_INTERVALS } from '../modules/teams/teams.repo.js';

export interface IntervalSource {
  kind: 'state' | 'event';
  /** The table whose row ids are the facts' record ids. */
  table: string;
  /**
   * SQL selecting `record_id, unit_id, dimension_value, measure, start_day, end_day` for the records whose id
   * satisfies `records` (a `distinct` indicator counts records: its measure is 1; a `sum` one gives the amount).
   * Empty intervals (end_day <= start_day) and facts without a start must be left out.
   */
  facts: (records: (idExpression: SQL) => SQL) => SQL;
  /**
   * Other tables whose rows the facts read, with the SQL selecting the records concerned from the changed ids
   * (an int[] expression): a team's dates change its members' facts.
   */
  dependsOn?: Readonly<Record<string, (changedIds: SQL) => SQL>>;
  /** Tables whose rows name the record in a column (a case's supports): table → column. */
  children?: Readonly<Record<string, string>>;
}

export type IndicatorIntervals = Readonly<Record<string, IntervalSource>>;

let all: IndicatorIntervals | undefined;

/** Every interval definition by indicator code (built on first use: the module repos import this file's types). */
export function allIndicatorIntervals(): IndicatorIntervals {
  all ??= {
    ...TEAM_INDICATOR_INTERVALS,
    ...MODEL_INDICATOR_INTERVALS,
    ...ACTIVITY_INDICATOR_INTERVALS,
    ...AWARD_INDICATOR_INTERVALS,
    ...FEEDBACK_INDICATOR_INTERVALS,
    ...REINTEGRATION_INDICATOR_INTERVALS,
    ...COMMITTEE_INDICATOR_INTERVALS,
    ...CRIME_REPORT_INDICATOR_INTERVALS,
    ...RECOGNITION_INDICATOR_INTERVALS,
  };
  return all;
}

/**
 * The triggers the change log needs: for each table, the (record table, column) pairs a change of one of its rows
 * touches. Migrations 0013_aggregates and 0014_aggregates_more create exactly these (a test compares them with the database).
 */
export function factTriggerSpec(
  intervals: IndicatorIntervals = allIndicatorIntervals(),
): Map<string, string[]> {
  const pairs = new Map<string, Set<string>>();
  const add = (table: string, target: string, column: string) => {
    const set = pairs.get(table) ?? new Set<string>();
    set.add(`${target}:${column}`);
    pairs.set(table, set);
  };
  for (const interval of Object.values(intervals)) {
    add(interval.table, interval.table, 'id');
    for (const table of Object.keys(interval.dependsOn ?? {})) add(table, table, 'id');
    for (const [table, column] of Object.entries(interval.children ?? {})) add(table, interval.table, column);
  }
  return new Map(
    [...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([table, set]) => [table, [...set].sort()]),
  );
}

/** The SQL of those triggers (what migration 0013_aggregates holds; kept here to write the next migration that changes them). */
export function factTriggerSql(intervals?: IndicatorIntervals): string {
  const lines: string[] = [];
  for (const [table, pairs] of factTriggerSpec(intervals)) {
    const args = pairs.flatMap((pair) => pair.split(':').map((part) => `'${part}'`)).join(', ');
    lines.push(
      `CREATE TRIGGER "${table}_facts_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch(${args});`,
      `CREATE TRIGGER "${table}_facts_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch(${args});`,
      `CREATE TRIGGER "${table}_facts_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_touch(${args});`,
    );
  }
  return lines.join('\n--> statement-breakpoint\n');
}
