/**
 * Reports: a template (titled sections of indicator rows) run for a unit, a period and a hierarchy basis gives a
 * ReportRun — the one result that the screen, the Excel file, the Word file and the print view all show, so the
 * numbers agree everywhere.
 */
import { type Static, Type } from 'typebox';
import { IsoDate, StringEnum } from './common.js';
import { HierarchyBasis, Nullable } from './registry.js';
import { UnitRef } from './units.js';

export const PERIOD_KINDS = ['month', 'quarter', 'half_year', 'year', 'phase', 'custom'] as const;
export const PeriodKind = StringEnum(PERIOD_KINDS);
export type PeriodKind = Static<typeof PeriodKind>;

/** Which comparison columns a section shows next to "this period". */
export const COMPARISONS = ['none', 'same_period_last_year', 'previous_period'] as const;
export const Comparison = StringEnum(COMPARISONS);
export type Comparison = Static<typeof Comparison>;

/** One row of a template section: an indicator, optionally one value of its dimension. */
export const TemplateRow = Type.Object({
  indicator: Type.String({ description: 'Mã chỉ tiêu (danh mục /api/indicators)' }),
  dimensionValue: Type.Optional(Nullable(Type.String())),
  label: Type.Optional(Type.String({ description: 'Nhãn hiển thị; mặc định là tên chỉ tiêu' })),
});
export type TemplateRow = Static<typeof TemplateRow>;

export const TemplateSection = Type.Object({
  title: Type.String({ minLength: 1 }),
  /** indicators: one line per row with comparison columns; by_unit: the rows as columns, one line per child unit. */
  layout: StringEnum(['indicators', 'by_unit'] as const),
  rows: Type.Array(TemplateRow, { minItems: 1 }),
});
export type TemplateSection = Static<typeof TemplateSection>;

export const ReportTemplate = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  periodKind: PeriodKind,
  comparison: Comparison,
  sections: Type.Array(TemplateSection),
  /** Seeded templates are read-only; users copy them to make their own. */
  builtIn: Type.Boolean(),
  ownerUnit: Nullable(UnitRef),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ReportTemplate = Static<typeof ReportTemplate>;

export const RunReportRequest = Type.Object(
  {
    template: Type.Integer({ description: 'Mã định danh mẫu báo cáo' }),
    unit: Type.Optional(Type.Integer({ description: 'Đơn vị báo cáo; mặc định đơn vị của người dùng' })),
    from: IsoDate,
    to: IsoDate,
    basis: Type.Optional(HierarchyBasis),
  },
  { additionalProperties: false },
);
export type RunReportRequest = Static<typeof RunReportRequest>;

export const ReportPeriod = Type.Object({
  from: IsoDate,
  to: IsoDate,
  /** e.g. "6 tháng đầu năm 2026", "năm 2026", "giai đoạn 2014–2023", "từ 01/03/2026 đến 31/05/2026". */
  label: Type.String(),
});
export type ReportPeriod = Static<typeof ReportPeriod>;

export const ReportLine = Type.Object({
  key: Type.String({ description: 'Mã chỉ tiêu, hoặc "mã:giá trị chiều"' }),
  indicator: Type.String(),
  dimensionValue: Nullable(Type.String()),
  label: Type.String(),
  unitOfMeasure: Type.String(),
  current: Type.Number(),
  /** The comparison period's value; null when the section has no comparison. */
  previous: Nullable(Type.Number()),
  change: Nullable(Type.Number()),
  /** Change in percent of the previous value; null when there is no previous value or it is 0. */
  changePercent: Nullable(Type.Number()),
  /** Whether the records behind the number can be listed (drill-down). */
  drillable: Type.Boolean(),
});
export type ReportLine = Static<typeof ReportLine>;

export const ReportUnitRow = Type.Object({
  key: Type.String({ description: '"self" hoặc "unit:<id>"' }),
  unit: Nullable(UnitRef),
  label: Type.String(),
  partial: Type.Boolean(),
  values: Type.Record(Type.String(), Type.Number()),
});
export type ReportUnitRow = Static<typeof ReportUnitRow>;

export const ReportSection = Type.Object({
  title: Type.String(),
  layout: StringEnum(['indicators', 'by_unit'] as const),
  /** layout indicators: the lines; layout by_unit: the column definitions (current period only). */
  lines: Type.Array(ReportLine),
  /** layout by_unit only: one row per child unit (and "self"), and the total row. */
  unitRows: Type.Array(ReportUnitRow),
  total: Type.Record(Type.String(), Type.Number()),
});
export type ReportSection = Static<typeof ReportSection>;

export const ReportRun = Type.Object({
  template: Type.Object({ id: Type.Integer(), code: Type.String(), title: Type.String() }),
  unit: Nullable(UnitRef),
  /** The issuing body printed on a Word report, e.g. "CÔNG AN TỈNH ĐÀ NẴNG" / "UBND XÃ HÒA VANG". */
  issuingBody: Type.String(),
  basis: HierarchyBasis,
  period: ReportPeriod,
  comparisonPeriod: Nullable(ReportPeriod),
  generatedAt: Type.String({ format: 'date-time' }),
  sections: Type.Array(ReportSection),
  /** Generated sentences stating the main figures (the narrative of a review). */
  narrative: Type.Array(Type.String()),
  notes: Type.Array(Type.String()),
});
export type ReportRun = Static<typeof ReportRun>;

/** The records behind one number of a report (drill-down), within the reader's scope. */
export const DrillDownQuery = Type.Object(
  {
    indicator: Type.String(),
    dimensionValue: Type.Optional(Type.String()),
    unit: Type.Optional(Type.Integer()),
    from: IsoDate,
    to: IsoDate,
    basis: Type.Optional(HierarchyBasis),
    page: Type.Optional(Type.Integer({ minimum: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
export type DrillDownQuery = Static<typeof DrillDownQuery>;

export const DrillDownRecord = Type.Object({
  /** The module of the record, e.g. "teams", "activities", "crime_reports". */
  module: Type.String(),
  id: Type.Integer(),
  /** A non-personal label (a team's name, an activity's title, a report's tracking code — never a reporter). */
  label: Type.String(),
  unit: Nullable(UnitRef),
  date: Nullable(IsoDate),
  /** The web app's address of the record, e.g. "/luc-luong/12". */
  href: Nullable(Type.String()),
  measure: Type.Number(),
});
export type DrillDownRecord = Static<typeof DrillDownRecord>;

export const DrillDownResponse = Type.Object({
  total: Type.Integer(),
  items: Type.Array(DrillDownRecord),
});
export type DrillDownResponse = Static<typeof DrillDownResponse>;

// ---- templates: list and edit ------------------------------------------------------------------------------------

export const ReportTemplateList = Type.Object({ items: Type.Array(ReportTemplate) });
export type ReportTemplateList = Static<typeof ReportTemplateList>;

export const ReportTemplateIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

/** What a user may set on their own template (a built-in template is copied, never edited). */
export const ReportTemplateBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    periodKind: PeriodKind,
    comparison: Comparison,
    sections: Type.Array(TemplateSection, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type ReportTemplateBody = Static<typeof ReportTemplateBody>;

export const CopyTemplateBody = Type.Object(
  { title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })) },
  { additionalProperties: false },
);
export type CopyTemplateBody = Static<typeof CopyTemplateBody>;

// ---- the indicator catalogue (/api/indicators) -------------------------------------------------------------------

export const IndicatorInfo = Type.Object({
  code: Type.String(),
  name: Type.String(),
  unitOfMeasure: Type.String(),
  aggregation: StringEnum(['sum', 'distinct', 'share'] as const),
  description: Nullable(Type.String()),
  dimension: Nullable(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      values: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
    }),
  ),
  /** Whether the records behind a value can be listed (drill-down). */
  drillable: Type.Boolean(),
});
export type IndicatorInfo = Static<typeof IndicatorInfo>;

export const IndicatorCatalogue = Type.Object({ items: Type.Array(IndicatorInfo) });
export type IndicatorCatalogue = Static<typeof IndicatorCatalogue>;
