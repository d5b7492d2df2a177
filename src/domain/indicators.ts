/**
 * Indicators: what a report counts, defined once as data. A definition names the measure (code, Vietnamese name,
 * unit of measure), how it aggregates over records (a sum of a quantity, or a count of distinct things), and
 * optionally one dimension it is broken down by (team kind, member role…). The SQL that finds the facts lives in
 * the server's reporting layer, keyed by the same code; reports and dashboards only ever name codes.
 */
import { LEARNER_GROUP_LABELS, LEARNER_GROUPS } from './activities.js';
import { RECIPIENT_CLASS_LABELS, RECIPIENT_CLASSES } from './awards.js';
import { DEFAULT_LEVELS } from './classification.js';
import { TASK_STATE_LABELS, TASK_STATES } from './coordination.js';
import { FEEDBACK_STATUS_LABELS, FEEDBACK_STATUSES } from './feedback.js';
import { MODEL_STATUS_LABELS, MODEL_STATUSES } from './models.js';
import { RECORD_STATUS_LABELS, RECORD_STATUSES } from './recognition.js';
import {
  ACTIVE_STATUSES,
  CASE_ORIGIN_LABELS,
  CASE_ORIGINS,
  CASE_STATUS_LABELS,
  END_REASONS,
} from './reintegration.js';
import { MEMBER_ROLE_LABELS, MEMBER_ROLES, TEAM_KIND_LABELS, TEAM_KINDS } from './teams.js';

/**
 * `sum` of a quantity, count of `distinct` things, or a `share` (percent) of two other columns computed after the
 * counts are rolled up (never summed: the share of a total is the ratio of the sums).
 */
export type Aggregation = 'sum' | 'distinct' | 'share';

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
  /** For `share`: the column keys (`indicator` or `indicator:value`) divided, in percent. */
  share?: { numerator: string; denominator: string };
  /** How the figure is computed from which records, for the catalogue. */
  description?: string;
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
  activityKind: { code: 'activity_kind', name: 'Loại hoạt động' },
  learnerGroup: {
    code: 'learner_group',
    name: 'Nhóm học viên',
    values: values(LEARNER_GROUPS, LEARNER_GROUP_LABELS),
  },
  festivalSiteType: {
    code: 'festival_site_type',
    name: 'Điểm tổ chức',
    values: [
      { key: 'pilot', label: 'Tổ chức làm điểm' },
      { key: 'regular', label: 'Tổ chức thường' },
    ],
  },
  awardForm: { code: 'award_form', name: 'Hình thức khen thưởng' },
  crimeCategory: { code: 'crime_category', name: 'Loại tin báo' },
  awardIssuer: { code: 'award_issuer', name: 'Cấp khen thưởng' },
  recipientClass: {
    code: 'recipient_class',
    name: 'Tập thể, cá nhân',
    values: values(RECIPIENT_CLASSES, RECIPIENT_CLASS_LABELS),
  },
  feedbackStatus: {
    code: 'feedback_status',
    name: 'Tình trạng',
    values: values(FEEDBACK_STATUSES, FEEDBACK_STATUS_LABELS),
  },
  caseStatus: {
    code: 'case_status',
    name: 'Tình trạng',
    values: values(ACTIVE_STATUSES, CASE_STATUS_LABELS),
  },
  caseOrigin: { code: 'case_origin', name: 'Nguồn', values: values(CASE_ORIGINS, CASE_ORIGIN_LABELS) },
  endReason: { code: 'end_reason', name: 'Lý do kết thúc', values: values(END_REASONS, CASE_STATUS_LABELS) },
  taskState: { code: 'task_state', name: 'Tiến độ', values: values(TASK_STATES, TASK_STATE_LABELS) },
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
  activities: {
    code: 'activities',
    name: 'Hoạt động đã tổ chức trong kỳ',
    unitOfMeasure: 'hoạt động',
    aggregation: 'distinct',
    dimension: DIMENSIONS.activityKind,
  },
  activityParticipants: {
    code: 'activity_participants',
    name: 'Lượt người tham gia',
    unitOfMeasure: 'lượt người',
    aggregation: 'sum',
    dimension: DIMENSIONS.activityKind,
  },
  festivalSites: {
    code: 'festival_sites',
    name: 'Địa điểm tổ chức Ngày hội toàn dân bảo vệ ANTQ',
    unitOfMeasure: 'địa điểm',
    aggregation: 'distinct',
    dimension: DIMENSIONS.festivalSiteType,
  },
  festivalGifts: {
    code: 'festival_gifts',
    name: 'Suất quà tặng tại Ngày hội toàn dân bảo vệ ANTQ',
    unitOfMeasure: 'suất',
    aggregation: 'sum',
    dimension: DIMENSIONS.festivalSiteType,
  },
  festivalGiftsValue: {
    code: 'festival_gifts_value',
    name: 'Giá trị quà tặng tại Ngày hội toàn dân bảo vệ ANTQ',
    unitOfMeasure: 'đồng',
    aggregation: 'sum',
    dimension: DIMENSIONS.festivalSiteType,
  },
  learners: {
    code: 'learners',
    name: 'Học viên lớp giáo dục pháp luật',
    unitOfMeasure: 'người',
    aggregation: 'sum',
    dimension: DIMENSIONS.learnerGroup,
  },
  awardsByForm: {
    code: 'awards_by_form',
    name: 'Khen thưởng trong kỳ theo hình thức',
    unitOfMeasure: 'lượt',
    aggregation: 'distinct',
    dimension: DIMENSIONS.awardForm,
  },
  awardsByIssuer: {
    code: 'awards_by_issuer',
    name: 'Khen thưởng trong kỳ theo cấp khen',
    unitOfMeasure: 'lượt',
    aggregation: 'distinct',
    dimension: DIMENSIONS.awardIssuer,
  },
  awardsByRecipient: {
    code: 'awards_by_recipient',
    name: 'Khen thưởng trong kỳ: tập thể, cá nhân',
    unitOfMeasure: 'lượt',
    aggregation: 'distinct',
    dimension: DIMENSIONS.recipientClass,
  },
  feedbackReceived: {
    code: 'feedback_received',
    name: 'Ý kiến phản ánh tiếp nhận trong kỳ (tình trạng tại ngày xem)',
    unitOfMeasure: 'ý kiến',
    aggregation: 'distinct',
    dimension: DIMENSIONS.feedbackStatus,
  },
  feedbackAnswered: {
    code: 'feedback_answered',
    name: 'Ý kiến phản ánh được trả lời trong kỳ',
    unitOfMeasure: 'ý kiến',
    aggregation: 'distinct',
  },
  reintegrationCases: {
    code: 'reintegration_cases',
    name: 'Người chấp hành xong án đang quản lý, giúp đỡ',
    unitOfMeasure: 'người',
    aggregation: 'distinct',
    dimension: DIMENSIONS.caseStatus,
  },
  reintegrationWithJob: {
    code: 'reintegration_with_job',
    name: 'Trong đó có việc làm',
    unitOfMeasure: 'người',
    aggregation: 'distinct',
  },
  reintegrationOpened: {
    code: 'reintegration_opened',
    name: 'Hồ sơ mở trong kỳ',
    unitOfMeasure: 'hồ sơ',
    aggregation: 'distinct',
    dimension: DIMENSIONS.caseOrigin,
  },
  reintegrationEnded: {
    code: 'reintegration_ended',
    name: 'Hồ sơ kết thúc trong kỳ',
    unitOfMeasure: 'hồ sơ',
    aggregation: 'distinct',
    dimension: DIMENSIONS.endReason,
  },
  committeeMeetings: {
    code: 'committee_meetings',
    name: 'Cuộc họp Ban Chỉ đạo trong kỳ',
    unitOfMeasure: 'cuộc họp',
    aggregation: 'distinct',
  },
  committeeConclusions: {
    code: 'committee_conclusions',
    name: 'Kết luận của Ban Chỉ đạo (giao nhiệm vụ)',
    unitOfMeasure: 'nhiệm vụ',
    aggregation: 'distinct',
    dimension: DIMENSIONS.taskState,
  },
  programmeTasks: {
    code: 'programme_tasks',
    name: 'Nhiệm vụ chương trình phối hợp đến hạn trong kỳ',
    unitOfMeasure: 'nhiệm vụ',
    aggregation: 'distinct',
    dimension: DIMENSIONS.taskState,
  },
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
  // ---- added for the reviews (sơ kết, tổng kết): every figure that public reviews print ----
  steeringCommittees: {
    code: 'steering_committees',
    name: 'Ban Chỉ đạo đang hoạt động',
    unitOfMeasure: 'ban',
    aggregation: 'distinct',
    description: 'Tổ, đội, ban loại "Ban Chỉ đạo" thành lập trước và chưa giải thể tại ngày cuối kỳ.',
  },
  teamMembersByKind: {
    code: 'team_members_by_kind',
    name: 'Thành viên đang công tác theo loại tổ, đội, ban',
    unitOfMeasure: 'người',
    aggregation: 'distinct',
    dimension: DIMENSIONS.teamKind,
  },
  modelsNew: {
    code: 'models_new',
    name: 'Mô hình mới xây dựng trong kỳ',
    unitOfMeasure: 'mô hình',
    aggregation: 'distinct',
    dimension: DIMENSIONS.modelKind,
    description: 'Mô hình có ngày bắt đầu trong kỳ, tính tại đơn vị chủ trì.',
  },
  modelUnits: {
    code: 'model_units',
    name: 'Đơn vị có mô hình tự quản',
    unitOfMeasure: 'đơn vị',
    aggregation: 'distinct',
    description: 'Đơn vị tham gia ít nhất một mô hình đang duy trì tại ngày cuối kỳ.',
  },
  awardsCollectiveByForm: {
    code: 'awards_collective',
    name: 'Tập thể được khen thưởng trong kỳ',
    unitOfMeasure: 'tập thể',
    aggregation: 'distinct',
    dimension: DIMENSIONS.awardForm,
  },
  awardsIndividualByForm: {
    code: 'awards_individual',
    name: 'Cá nhân được khen thưởng trong kỳ',
    unitOfMeasure: 'cá nhân',
    aggregation: 'distinct',
    dimension: DIMENSIONS.awardForm,
  },
  crimeReportsReceived: {
    code: 'crime_reports_received',
    name: 'Tin báo, tố giác tội phạm tiếp nhận trong kỳ',
    unitOfMeasure: 'tin',
    aggregation: 'distinct',
    dimension: DIMENSIONS.crimeCategory,
    description:
      'Tin báo có ngày tiếp nhận trong kỳ, tính tại đơn vị đang thụ lý tin báo; chỉ đếm, không có nội dung tin báo.',
  },
  crimeReportsValuable: {
    code: 'crime_reports_valuable',
    name: 'Tin báo có giá trị',
    unitOfMeasure: 'tin',
    aggregation: 'distinct',
  },
  crimeCasesSolved: {
    code: 'crime_cases_solved',
    name: 'Số vụ việc được làm rõ từ tin báo',
    unitOfMeasure: 'vụ',
    aggregation: 'sum',
  },
  crimePersonsArrested: {
    code: 'crime_persons_arrested',
    name: 'Số người bị bắt giữ, xử lý từ tin báo',
    unitOfMeasure: 'người',
    aggregation: 'sum',
  },
  crimePropertyRecovered: {
    code: 'crime_property_recovered',
    name: 'Giá trị tài sản thu hồi từ tin báo',
    unitOfMeasure: 'đồng',
    aggregation: 'sum',
  },
  standardRegisteredShare: {
    code: 'standard_registered_share',
    name: 'Tỷ lệ đơn vị đăng ký tiêu chuẩn "An toàn về an ninh, trật tự"',
    unitOfMeasure: '%',
    aggregation: 'share',
    share: { numerator: 'standard_records', denominator: 'standard_units' },
  },
  standardRecognisedShare: {
    code: 'standard_recognised_share',
    name: 'Tỷ lệ đơn vị được công nhận đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
    unitOfMeasure: '%',
    aggregation: 'share',
    share: { numerator: 'standard_records:recognised', denominator: 'standard_units' },
  },
} satisfies Record<string, IndicatorDefinition>;

/** Every indicator of the catalogue, in catalogue order. */
export const ALL_INDICATORS: readonly IndicatorDefinition[] = Object.values(INDICATORS);

export function findIndicator(code: string): IndicatorDefinition | undefined {
  return ALL_INDICATORS.find((definition) => definition.code === code);
}

/** The indicators a share is computed from (itself for any other indicator). */
export function shareInputs(definition: IndicatorDefinition): string[] {
  if (!definition.share) return [definition.code];
  return [definition.share.numerator, definition.share.denominator].map((key) => key.split(':')[0]!);
}

export const ACTIVITY_SUMMARY_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.activities,
  INDICATORS.activityParticipants,
  INDICATORS.festivalSites,
  INDICATORS.festivalGifts,
  INDICATORS.festivalGiftsValue,
  INDICATORS.learners,
];
export const AWARD_SUMMARY_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.awardsByForm,
  INDICATORS.awardsByIssuer,
  INDICATORS.awardsByRecipient,
];
export const FEEDBACK_SUMMARY_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.feedbackReceived,
  INDICATORS.feedbackAnswered,
];

/** A share (percent) of two columns of a summary, computed after the counts are rolled up. */
export interface RatioDefinition {
  code: string;
  name: string;
  numerator: string;
  denominator: string;
}

export const RATIOS = {
  shareWithJob: {
    code: 'reintegration_share_with_job',
    name: 'Tỷ lệ có việc làm',
    numerator: 'reintegration_with_job',
    denominator: 'reintegration_cases',
  },
  shareReintegrated: {
    code: 'reintegration_share_reintegrated',
    name: 'Tỷ lệ đã tái hòa nhập',
    numerator: 'reintegration_cases:reintegrated',
    denominator: 'reintegration_cases',
  },
} satisfies Record<string, RatioDefinition>;

export const REINTEGRATION_SUMMARY_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.reintegrationCases,
  INDICATORS.reintegrationWithJob,
  INDICATORS.reintegrationOpened,
  INDICATORS.reintegrationEnded,
];
export const REINTEGRATION_SUMMARY_RATIOS: readonly RatioDefinition[] = [
  RATIOS.shareWithJob,
  RATIOS.shareReintegrated,
];
export const COORDINATION_SUMMARY_INDICATORS: readonly IndicatorDefinition[] = [
  INDICATORS.committeeMeetings,
  INDICATORS.committeeConclusions,
  INDICATORS.programmeTasks,
];

/** Percent with one decimal; 0 when there is nothing to divide by. */
export function sharePercent(numerator: number, denominator: number): number {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : 0;
}

/**
 * Adds one percent column per ratio to a summary's columns, rows and total (the ratio of the sums, never the sum
 * of ratios).
 */
export function addRatios<
  S extends {
    columns: IndicatorColumn[];
    rows: Array<{ values: Record<string, number> }>;
    total: Record<string, number>;
  },
>(summary: S, ratios: readonly RatioDefinition[]): S {
  for (const ratio of ratios) {
    summary.columns.push({
      key: ratio.code,
      indicator: ratio.code,
      dimensionValue: null,
      name: ratio.name,
      unitOfMeasure: '%',
    });
    for (const target of [...summary.rows.map((row) => row.values), summary.total]) {
      target[ratio.code] = sharePercent(target[ratio.numerator] ?? 0, target[ratio.denominator] ?? 0);
    }
  }
  return summary;
}

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
