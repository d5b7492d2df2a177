/**
 * Indicators: what a report counts, defined once as data. A definition names the measure (code, Vietnamese name,
 * unit of measure), how it aggregates over records (a sum of a quantity, or a count of distinct things), and
 * optionally one dimension it is broken down by (team kind, member role…). The SQL that finds the facts lives in
 * the server's reporting layer, keyed by the same code; reports and dashboards only ever name codes.
 */
import { DEFAULT_LEVELS } from './classification.js';
import { MODEL_STATUS_LABELS, MODEL_STATUSES } from './models.js';
import { RECORD_STATUS_LABELS, RECORD_STATUSES } from './recognition.js';
import { MEMBER_ROLE_LABELS, MEMBER_ROLES, TEAM_KIND_LABELS, TEAM_KINDS } from './teams.js';

export type Aggregation = 'sum' | 'distinct';

export interface DimensionValue {
  key: string;
  label: string;
}

export interface IndicatorDimension {
  code: string;
  name: string;
  /** Fixed values, in display order; absent when the values are data (e.g. the configurable model kinds). */
  values?: readonly DimensionValue[];
}

export interface IndicatorDefinition {
  code: string;
  name: string;
  unitOfMeasure: string;
  aggregation: Aggregation;
  dimension?: IndicatorDimension;
}

/** Whose hierarchy a count is laid on: the units as they were on the date, or today's units via the lineage. */
export const HIERARCHY_BASES = ['as_of', 'current'] as const;
export type HierarchyBasis = (typeof HIERARCHY_BASES)[number];
export const HIERARCHY_BASIS_LABELS: Record<HierarchyBasis, string> = {
  as_of: 'Theo đơn vị hành chính tại ngày xem',
  current: 'Quy đổi về đơn vị hành chính hiện nay',
};

const values = <K extends string>(keys: readonly K[], labels: Record<K, string>): DimensionValue[] =>
  keys.map((key) => ({ key, label: labels[key] }));

export const DIMENSIONS = {
  teamKind: { code: 'team_kind', name: 'Loại tổ, đội, ban', values: values(TEAM_KINDS, TEAM_KIND_LABELS) },
  memberRole: { code: 'member_role', name: 'Chức danh', values: values(MEMBER_ROLES, MEMBER_ROLE_LABELS) },
  modelKind: { code: 'model_kind', name: 'Loại mô hình' },
  modelStatus: {
    code: 'model_status',
    name: 'Trạng thái',
    values: values(MODEL_STATUSES, MODEL_STATUS_LABELS),
  },
  standardStatus: {
    code: 'standard_status',
    name: 'Tình trạng hồ sơ',
    values: values(RECORD_STATUSES, RECORD_STATUS_LABELS),
  },
  classificationLevel: {
    code: 'classification_level',
    name: 'Mức phân loại',
    values: DEFAULT_LEVELS.map((level) => ({ key: level.code, label: level.label })),
  },
} satisfies Record<string, IndicatorDimension>;

export const INDICATORS = {
  teams: {
    code: 'teams',
    name: 'Tổ, đội, ban đang hoạt động',
    unitOfMeasure: 'tổ, đội, ban',
    aggregation: 'distinct',
    dimension: DIMENSIONS.teamKind,
  },
  teamMembers: {
    code: 'team_members',
    name: 'Thành viên đang công tác',
    unitOfMeasure: 'người',
    aggregation: 'distinct',
    dimension: DIMENSIONS.memberRole,
  },
  models: {
    code: 'models',
    name: 'Mô hình đang duy trì',
    unitOfMeasure: 'mô hình',
    aggregation: 'distinct',
    dimension: DIMENSIONS.modelKind,
  },
  modelsByStatus: {
    code: 'models_by_status',
    name: 'Mô hình theo trạng thái (đã kết thúc: lũy kế đến ngày xem)',
    unitOfMeasure: 'mô hình',
    aggregation: 'distinct',
    dimension: DIMENSIONS.modelStatus,
  },
  exemplaryModels: {
    code: 'exemplary_models',
    name: 'Mô hình điển hình tiên tiến',
    unitOfMeasure: 'mô hình',
    aggregation: 'distinct',
  },
  cameraPoints: {
    code: 'camera_points',
    name: 'Điểm camera an ninh',
    unitOfMeasure: 'điểm',
    aggregation: 'sum',
  },
  cameras: { code: 'cameras', name: 'Camera an ninh', unitOfMeasure: 'camera', aggregation: 'sum' },
  standardUnits: {
    code: 'standard_units',
    name: 'Đơn vị thuộc diện xây dựng tiêu chuẩn "An toàn về an ninh, trật tự"',
    unitOfMeasure: 'đơn vị',
    aggregation: 'distinct',
  },
  standardRecords: {
    code: 'standard_records',
    name: 'Đơn vị đã đăng ký tiêu chuẩn',
    unitOfMeasure: 'đơn vị',
    aggregation: 'distinct',
    dimension: DIMENSIONS.standardStatus,
  },
  standardOverdue: {
    code: 'standard_overdue',
    name: 'Đơn vị quá hạn (đăng ký hoặc xét công nhận)',
    unitOfMeasure: 'đơn vị',
    aggregation: 'distinct',
  },
  classificationLevels: {
    code: 'classification_levels',
    name: 'Đơn vị đã phân loại phong trào',
    unitOfMeasure: 'đơn vị',
    aggregation: 'distinct',
    dimension: DIMENSIONS.classificationLevel,
  },
} satisfies Record<string, IndicatorDefinition>;

export const TEAM_SUMMARY_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.teams,
  INDICATORS.teamMembers,
];
export const MODEL_SUMMARY_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.models,
  INDICATORS.modelsByStatus,
  INDICATORS.exemplaryModels,
  INDICATORS.cameraPoints,
  INDICATORS.cameras,
];

/** The dashboard of the safety standard and the classification of a year. */
export const STANDARD_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.standardUnits,
  INDICATORS.standardRecords,
  INDICATORS.standardOverdue,
  INDICATORS.classificationLevels,
];

export interface IndicatorColumn {
  /** `teams` for the indicator's total, `teams:mediation_group` for one value of its dimension. */
  key: string;
  indicator: string;
  dimensionValue: string | null;
  name: string;
  unitOfMeasure: string;
}

export function columnKey(indicator: string, dimensionValue: string | null = null): string {
  return dimensionValue === null ? indicator : `${indicator}:${dimensionValue}`;
}

/**
 * The columns of a summary table: each indicator's total, then one column per value of its dimension.
 * `dynamicValues` gives the values of dimensions that are data, keyed by dimension code.
 */
export function indicatorColumns(
  definitions: readonly IndicatorDefinition[],
  dynamicValues: Record<string, readonly DimensionValue[]> = {},
): IndicatorColumn[] {
  const columns: IndicatorColumn[] = [];
  for (const definition of definitions) {
    columns.push({
      key: columnKey(definition.code),
      indicator: definition.code,
      dimensionValue: null,
      name: definition.name,
      unitOfMeasure: definition.unitOfMeasure,
    });
    const dimension = definition.dimension;
    if (!dimension) continue;
    for (const value of dimension.values ?? dynamicValues[dimension.code] ?? []) {
      columns.push({
        key: columnKey(definition.code, value.key),
        indicator: definition.code,
        dimensionValue: value.key,
        name: value.label,
        unitOfMeasure: definition.unitOfMeasure,
      });
    }
  }
  return columns;
}

/** Adds one fact (already aggregated at a unit) into a row's values: to the indicator total and its value. */
export function addFact(
  row: Record<string, number>,
  definition: IndicatorDefinition,
  dimensionValue: string | null,
  amount: number,
): void {
  const total = columnKey(definition.code);
  row[total] = (row[total] ?? 0) + amount;
  if (definition.dimension && dimensionValue !== null) {
    const key = columnKey(definition.code, dimensionValue);
    row[key] = (row[key] ?? 0) + amount;
  }
}

/** A row of zeros for every column, so that tables never meet a missing value. */
export function emptyValues(columns: readonly IndicatorColumn[]): Record<string, number> {
  return Object.fromEntries(columns.map((column) => [column.key, 0]));
}
