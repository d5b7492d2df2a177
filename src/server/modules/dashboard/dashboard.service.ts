/**
 * The dashboard: every figure is a value of the one roll-up (src/server/reporting/rollup.ts) over the same fact
 * sources as the reports, so a card and a report line never disagree. The roll-ups that do not depend on each
 * other (this period, the previous one, each trend bucket, the map, the recognition year) are issued together:
 * on PostgreSQL they run on parallel connections of the pool; PGlite queues them on its one connection.
 *
 * The map is drawn on today's boundaries, so its values are always re-mapped onto today's units (basis `current`),
 * whatever basis the cards use.
 */
import { sql } from 'drizzle-orm';
import type { DashboardQuery, DashboardResponse, Kpi } from '../../../contracts/dashboard.js';
import type { SummaryResponse } from '../../../contracts/registry.js';
import type { UnitRef } from '../../../contracts/units.js';
import {
  CRIME_REPORT_INDICATOR_CODES,
  changeOf,
  DASHBOARD_KPIS,
  DEFAULT_MAP_INDICATOR,
  MAP_INDICATORS,
  type Period,
  periodDays,
  periodLabel,
  previousPeriod,
  TREND_INDICATORS,
  trendBuckets,
} from '../../../domain/dashboard.js';
import { todayInVietnam } from '../../../domain/dates.js';
import { invalid, notFound } from '../../../domain/errors.js';
import { type HierarchyBasis, type IndicatorDefinition, sharePercent } from '../../../domain/indicators.js';
import { formatInteger } from '../../../domain/numbers.js';
import { hasPermission } from '../../../domain/roles.js';
import type { Actor } from '../../context.js';
import { type Database, queryRows } from '../../db/client.js';
import { resolveScope } from '../../db/scope.js';
import { rollup } from '../../reporting/rollup.js';
import { ALL_INDICATOR_SOURCES } from '../../reporting/sources.js';
import * as crimeReports from '../crime-reports/crime-reports.repo.js';
import * as recognition from '../recognition/recognition.service.js';
import { isInScope } from '../units/units.repo.js';

/** A phase of up to 30 years (2014–2023 is 10): longer ranges are a typing mistake more often than a wish. */
const MAX_PERIOD_DAYS = 30 * 366;

const RECOGNITION_SPREAD = [
  { key: 'recognised', label: 'Được công nhận' },
  { key: 'in_progress', label: 'Đã đăng ký, đang xét' },
  { key: 'not_recognised', label: 'Không được công nhận' },
  { key: 'not_registered', label: 'Chưa đăng ký' },
] as const;

function checkQuery(query: DashboardQuery, today: string): Period {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) {
    throw invalid('dashboard.period_invalid', 'Ngày đầu kỳ phải trước hoặc bằng ngày cuối kỳ', 'from');
  }
  if (periodDays({ from, to }) > MAX_PERIOD_DAYS) {
    throw invalid('dashboard.period_too_long', 'Kỳ xem dài nhất 30 năm', 'from');
  }
  return { from, to };
}

async function unitWithParent(
  db: Database,
  actor: Actor,
  unitId: number,
  today: string,
): Promise<{ unit: UnitRef; parent: UnitRef | null }> {
  const notFoundError = notFound('units.not_found', `Không tìm thấy đơn vị có mã định danh ${unitId}`);
  if (!(await isInScope(db, actor.scope, unitId))) throw notFoundError;
  const rows = await queryRows<UnitRef & { parentId: number | null }>(
    db,
    sql`select u.id, u.code, u.kind, v.full_name as "fullName", v.parent_id as "parentId"
        from units u join unit_versions v on v.unit_id = u.id
        where u.id = ${unitId}
        order by (v.valid_from is null or v.valid_from <= ${today}::date) and (v.valid_to is null or v.valid_to >= ${today}::date) desc,
                 v.valid_to desc nulls first
        limit 1`,
  );
  const row = rows[0];
  if (!row) throw notFoundError;
  const { parentId, ...unit } = row;
  let parent: UnitRef | null = null;
  if (parentId !== null && (await isInScope(db, actor.scope, parentId))) {
    const parents = await queryRows<UnitRef>(
      db,
      sql`select u.id, u.code, u.kind, v.full_name as "fullName"
          from units u join unit_versions v on v.unit_id = u.id
          where u.id = ${parentId}
          order by v.valid_to desc nulls first limit 1`,
    );
    parent = parents[0] ?? null;
  }
  return { unit, parent };
}

export async function dashboard(
  db: Database,
  actor: Actor,
  query: DashboardQuery,
): Promise<DashboardResponse> {
  const today = todayInVietnam();
  const period = checkQuery(query, today);
  const previous = previousPeriod(period);
  const basis: HierarchyBasis = query.basis ?? 'current';
  const seesCrimeReports = hasPermission(actor.role, 'crime_reports.read');
  const allowed = (definition: IndicatorDefinition) =>
    seesCrimeReports || !CRIME_REPORT_INDICATOR_CODES.includes(definition.code);

  const mapIndicators = MAP_INDICATORS.filter(allowed);
  const mapCode = query.indicator ?? DEFAULT_MAP_INDICATOR;
  const mapIndicator = mapIndicators.find((definition) => definition.code === mapCode);
  if (!mapIndicator) {
    throw invalid(
      'dashboard.indicator_unknown',
      `Không có chỉ tiêu "${mapCode}" để tô màu bản đồ`,
      'indicator',
    );
  }

  const unitId = query.unit ?? actor.unitId;
  if (unitId === null && !actor.scope.all) throw notFound('units.not_found', 'Không tìm thấy đơn vị');
  const target = unitId === null ? null : await unitWithParent(db, actor, unitId, today);

  const kpis = DASHBOARD_KPIS.filter((kpi) => allowed(kpi.indicator));
  const definitions = [...new Set([...kpis.map((kpi) => kpi.indicator), mapIndicator])];
  const trendSeries = TREND_INDICATORS.filter((series) => allowed(series.indicator));
  const trendDefinitions = trendSeries.map((series) => series.indicator);
  const { granularity, buckets } = trendBuckets(period);
  const mapLevel: DashboardResponse['map']['level'] =
    target === null ? 'province' : target.unit.kind === 'province' ? 'commune' : 'none';
  // The cards' own roll-up serves the map when it is already on today's units.
  const mapNeedsOwnRollup = mapLevel !== 'none' && basis !== 'current' && period.to < today;

  const base = { sources: ALL_INDICATOR_SOURCES, unitId, scope: actor.scope, today };
  const recognitionYear = Number(period.to.slice(0, 4));
  const previousRecognitionYear = Number(previous.to.slice(0, 4));
  const recognitionOf = (year: number, asOf: string) =>
    recognition.dashboard(db, actor, { year, unit: unitId ?? undefined, basis, asOf });
  const [current, before, trend, mapSummary, recognitionNow, recognitionBefore, clocks] = await Promise.all([
    rollup(db, { ...base, definitions, from: period.from, asOf: period.to, basis }),
    rollup(db, { ...base, definitions, from: previous.from, asOf: previous.to, basis }),
    Promise.all(
      buckets.map((bucket) =>
        rollup(db, { ...base, definitions: trendDefinitions, from: bucket.from, asOf: bucket.to, basis }),
      ),
    ),
    mapNeedsOwnRollup
      ? rollup(db, {
          ...base,
          definitions: [mapIndicator],
          from: period.from,
          asOf: period.to,
          basis: 'current',
        })
      : Promise.resolve(null),
    recognitionOf(recognitionYear, period.to),
    previousRecognitionYear === recognitionYear
      ? Promise.resolve(null)
      : recognitionOf(previousRecognitionYear, previous.to),
    seesCrimeReports ? crimeReportClocks(db, actor, unitId, today) : Promise.resolve(null),
  ]);

  const cards: Kpi[] = kpis.map((kpi) => {
    const value = current.total[kpi.key] ?? 0;
    const was = before.total[kpi.key] ?? 0;
    return {
      key: kpi.key,
      indicator: kpi.indicator.code,
      label: kpi.label,
      unitOfMeasure: kpi.indicator.unitOfMeasure,
      measure: kpi.measure,
      value,
      previous: was,
      ...changeOf(value, was),
    };
  });
  const standardNow = standardFigures(recognitionNow.summary);
  const standardBefore = recognitionBefore ? standardFigures(recognitionBefore.summary) : standardNow;
  cards.splice(7, 0, {
    key: 'standard_recognised',
    indicator: 'standard_records:recognised',
    label: `Đơn vị đạt "An toàn về an ninh, trật tự" năm ${recognitionYear}`,
    unitOfMeasure: 'đơn vị',
    measure: 'stock',
    value: standardNow.recognised,
    previous: standardBefore.recognised,
    ...changeOf(standardNow.recognised, standardBefore.recognised),
    detail: `${formatInteger(standardNow.recognised)}/${formatInteger(standardNow.units)} đơn vị thuộc diện`,
  });
  cards.splice(8, 0, {
    key: 'standard_share',
    indicator: 'standard_share',
    label: `Tỷ lệ đơn vị đạt "An toàn về an ninh, trật tự" năm ${recognitionYear}`,
    unitOfMeasure: '%',
    measure: 'share',
    value: standardNow.share,
    previous: standardBefore.share,
    ...changeOf(standardNow.share, standardBefore.share),
  });

  const mapSource = mapSummary ?? current;
  const regions =
    mapLevel === 'none'
      ? []
      : mapSource.rows
          .filter((row) => !row.self && row.unit !== null)
          .map((row) => ({
            code: row.unit!.code,
            unitId: row.unit!.id,
            name: row.unit!.fullName,
            value: row.values[mapIndicator.code] ?? 0,
          }));

  const classificationLevels = recognitionNow.summary.columns
    .filter((column) => column.indicator === 'classification_levels' && column.dimensionValue !== null)
    .map((column) => ({
      key: column.dimensionValue!,
      label: column.name,
      count: recognitionNow.summary.total[column.key] ?? 0,
    }));

  const unitParam = unitId === null ? '' : `&don-vi=${unitId}`;
  const notes = [...current.notes];
  if (mapLevel !== 'none') {
    notes.push(
      mapSummary
        ? 'Bản đồ vẽ theo ranh giới hiện nay nên số liệu trên bản đồ được quy đổi về đơn vị hành chính hiện nay.'
        : 'Bản đồ vẽ theo ranh giới hiện nay.',
    );
  }
  if (seesCrimeReports) {
    notes.push('Tin báo được tính theo ngày tiếp nhận, cho đơn vị đang thụ lý tin.');
  }

  return {
    unit: target?.unit ?? null,
    parent: target?.parent ?? null,
    canSeeNation: actor.scope.all,
    basis,
    period: { ...period, label: periodLabel(period) },
    previousPeriod: { ...previous, label: periodLabel(previous) },
    kpis: cards,
    trend: {
      granularity,
      buckets,
      series: trendSeries.map(({ indicator, label }) => ({
        indicator: indicator.code,
        name: label,
        unitOfMeasure: indicator.unitOfMeasure,
        values: trend.map((summary) => summary.total[indicator.code] ?? 0),
      })),
    },
    map: {
      indicator: mapIndicator.code,
      name: mapIndicator.name,
      unitOfMeasure: mapIndicator.unitOfMeasure,
      level: mapLevel,
      provinceCode: mapLevel === 'commune' ? target!.unit.code : null,
      regions,
      note:
        mapLevel === 'none'
          ? 'Đơn vị này không có bản đồ các đơn vị trực thuộc.'
          : `${mapIndicator.name}, ${periodLabel(period)}`,
    },
    mapIndicators: mapIndicators.map((definition) => ({ code: definition.code, name: definition.name })),
    classification: { year: recognitionYear, levels: classificationLevels },
    recognition: {
      year: recognitionYear,
      units: standardNow.units,
      share: standardNow.share,
      spread: RECOGNITION_SPREAD.map((item) => ({ ...item, count: standardNow[item.key] })),
    },
    overdue: {
      recognition: {
        count: recognitionNow.summary.total.standard_overdue ?? 0,
        link: `/an-toan-antt?nam=${recognitionYear}${unitParam}&tinh-trang=overdue`,
      },
      crimeReports: clocks,
    },
    notes,
  };
}

function standardFigures(summary: SummaryResponse) {
  const total = summary.total;
  const units = total.standard_units ?? 0;
  const recognised = total['standard_records:recognised'] ?? 0;
  const notRecognised = total['standard_records:not_recognised'] ?? 0;
  const inProgress =
    (total['standard_records:registered'] ?? 0) +
    (total['standard_records:submitted'] ?? 0) +
    (total['standard_records:returned'] ?? 0);
  return {
    units,
    recognised,
    share: sharePercent(recognised, units),
    in_progress: inProgress,
    not_recognised: notRecognised,
    not_registered: Math.max(0, units - recognised - notRecognised - inProgress),
  };
}

/** Legal clocks of the crime reports now with the unit's subtree (the register works on today, not a period). */
async function crimeReportClocks(db: Database, actor: Actor, unitId: number | null, today: string) {
  const scope =
    unitId === null || unitId === actor.unitId ? actor.scope : await resolveScope(db, unitId, today);
  const rows = await crimeReports.summarise(db, scope, today);
  return {
    overdue: rows.reduce((sum, row) => sum + row.overdue, 0),
    dueSoon: rows.reduce((sum, row) => sum + row.dueSoon, 0),
    overdueLink: '/to-giac?xem=overdue',
    dueSoonLink: '/to-giac?xem=due_soon',
  };
}
