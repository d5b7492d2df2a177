/**
 * The dashboard (Tổng quan): headline figures of a unit and a period with the change against the period before,
 * trends, the map of one indicator by child unit, the classification and recognition spread, and what is overdue.
 * Every figure comes from the same roll-up as the reports.
 */
import { type Static, Type } from 'typebox';
import { Id, IsoDate, StringEnum } from './common.js';
import { HierarchyBasis, Nullable } from './registry.js';
import { UnitRef } from './units.js';

export const DashboardQuery = Type.Object(
  {
    unit: Type.Optional(Id),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    basis: Type.Optional(HierarchyBasis),
    indicator: Type.Optional(
      Type.String({ maxLength: 64, description: 'Chỉ tiêu tô màu bản đồ (mã trong danh mục chỉ tiêu)' }),
    ),
  },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuery>;

export const DashboardPeriod = Type.Object({
  from: IsoDate,
  to: IsoDate,
  label: Type.String({ description: 'Ví dụ "năm 2026", "quý I/2026", "01/03/2026 – 15/03/2026"' }),
});

export const Kpi = Type.Object({
  key: Type.String(),
  indicator: Type.String(),
  label: Type.String(),
  unitOfMeasure: Type.String(),
  measure: StringEnum(['stock', 'flow', 'share'] as const, {
    description: 'stock: tại ngày cuối kỳ; flow: trong kỳ; share: tỷ lệ phần trăm',
  }),
  value: Type.Number(),
  previous: Type.Number({ description: 'Giá trị của kỳ trước có cùng độ dài' }),
  delta: Type.Number(),
  percent: Nullable(Type.Number({ description: 'Thay đổi so với kỳ trước (%); null khi kỳ trước bằng 0' })),
  detail: Type.Optional(Type.String({ description: 'Ví dụ "12/15 đơn vị"' })),
});
export type Kpi = Static<typeof Kpi>;

export const TrendSeries = Type.Object({
  indicator: Type.String(),
  name: Type.String(),
  unitOfMeasure: Type.String(),
  values: Type.Array(Type.Number()),
});

export const MapRegion = Type.Object({
  code: Type.String({ description: 'Mã đơn vị, cũng là mã vùng trong GeoJSON' }),
  unitId: Id,
  name: Type.String(),
  value: Type.Number(),
});

export const SpreadItem = Type.Object({ key: Type.String(), label: Type.String(), count: Type.Number() });

export const DashboardResponse = Type.Object({
  unit: Nullable(UnitRef),
  /** The unit one level up when the reader may see it; for "Lên cấp trên". */
  parent: Nullable(UnitRef),
  canSeeNation: Type.Boolean(),
  basis: HierarchyBasis,
  period: DashboardPeriod,
  previousPeriod: DashboardPeriod,
  kpis: Type.Array(Kpi),
  trend: Type.Object({
    granularity: StringEnum(['month', 'year'] as const),
    buckets: Type.Array(
      Type.Object({ key: Type.String(), label: Type.String(), from: IsoDate, to: IsoDate }),
    ),
    series: Type.Array(TrendSeries),
  }),
  map: Type.Object({
    indicator: Type.String(),
    name: Type.String(),
    unitOfMeasure: Type.String(),
    level: StringEnum(['province', 'commune', 'none'] as const, {
      description: 'province: bản đồ 34 tỉnh; commune: các xã của một tỉnh; none: đơn vị không có bản đồ con',
    }),
    provinceCode: Nullable(Type.String()),
    regions: Type.Array(MapRegion),
    note: Type.String(),
  }),
  mapIndicators: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  classification: Type.Object({ year: Type.Integer(), levels: Type.Array(SpreadItem) }),
  recognition: Type.Object({
    year: Type.Integer(),
    units: Type.Number(),
    share: Type.Number({ description: 'Tỷ lệ đơn vị được công nhận (%)' }),
    spread: Type.Array(SpreadItem),
  }),
  overdue: Type.Object({
    recognition: Type.Object({ count: Type.Number(), link: Type.String() }),
    crimeReports: Nullable(
      Type.Object({
        overdue: Type.Number(),
        dueSoon: Type.Number(),
        overdueLink: Type.String(),
        dueSoonLink: Type.String(),
      }),
    ),
  }),
  notes: Type.Array(Type.String()),
});
export type DashboardResponse = Static<typeof DashboardResponse>;
