/**
 * Pieces every registry shares: how a record names its unit, the summary (roll-up) table, import results and the
 * Excel files. Teams and models use them now; later registries reuse them.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { HIERARCHY_BASES } from '../domain/indicators.js';
import { Id, IsoDate, StringEnum } from './common.js';
import { UnitKind, UnitRef } from './units.js';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The unit a record was recorded for, named by its latest version ("Thôn 1", parent "Xã Hòa Vang"). */
export const RecordUnit = Type.Object({
  id: Id,
  code: Type.String(),
  kind: UnitKind,
  fullName: Type.String(),
  parentName: Nullable(Type.String()),
  current: Type.Boolean({ description: 'Đơn vị còn tồn tại hôm nay (false: đã sáp nhập, giải thể)' }),
});
export type RecordUnit = Static<typeof RecordUnit>;

export const OptionalText = (maxLength: number, description?: string) =>
  Type.Optional(Nullable(Type.String({ maxLength, ...(description ? { description } : {}) })));

// ---- the summary (roll-up) of a registry ---------------------------------------------------------------------

export const HierarchyBasis = StringEnum(HIERARCHY_BASES, {
  description: 'as_of: theo đơn vị hành chính tại ngày xem; current: quy đổi về đơn vị hiện nay qua sáp nhập',
});

export const SummaryQuery = Type.Object(
  {
    unit: Type.Optional(Id),
    asOf: Type.Optional(IsoDate),
    basis: Type.Optional(HierarchyBasis),
  },
  { additionalProperties: false },
);
export type SummaryQuery = Static<typeof SummaryQuery>;

/** The summary of events (activities, awards, feedback): counted over a period ending on `asOf`. */
export const PeriodSummaryQuery = Type.Object(
  {
    ...SummaryQuery.properties,
    from: Type.Optional(
      Type.String({
        format: 'date',
        description: 'Ngày đầu kỳ (mặc định 01/01 của năm tại ngày xem); tính đến asOf',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PeriodSummaryQuery = Static<typeof PeriodSummaryQuery>;

export const SummaryColumn = Type.Object({
  key: Type.String({ description: 'Khóa cột: "teams" hoặc "teams:mediation_group"' }),
  indicator: Type.String(),
  dimensionValue: Nullable(Type.String()),
  name: Type.String(),
  unitOfMeasure: Type.String(),
});

export const SummaryRow = Type.Object({
  key: Type.String({
    description: '"self" cho hồ sơ gắn trực tiếp với đơn vị xem, "unit:<id>" cho đơn vị trực thuộc',
  }),
  unit: Nullable(UnitRef),
  label: Type.String(),
  self: Type.Boolean(),
  partial: Type.Boolean({
    description: 'Có hồ sơ của đơn vị cũ bị chia tách một phần được tính vào dòng này (số liệu gần đúng)',
  }),
  partialUnits: Type.Integer({
    minimum: 0,
    description: 'Số đơn vị cũ bị chia tách có hồ sơ tính vào dòng này',
  }),
  values: Type.Record(Type.String(), Type.Number()),
});

export const SummaryResponse = Type.Object({
  unit: Nullable(UnitRef),
  from: Type.Optional(IsoDate),
  asOf: IsoDate,
  basis: HierarchyBasis,
  generatedAt: Type.String({ format: 'date-time' }),
  columns: Type.Array(SummaryColumn),
  rows: Type.Array(SummaryRow),
  total: Type.Record(Type.String(), Type.Number()),
  notes: Type.Array(Type.String()),
});
export type SummaryResponse = Static<typeof SummaryResponse>;

// ---- import ---------------------------------------------------------------------------------------------------

export const ImportQuery = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Boolean({
        description: 'true: chỉ kiểm tra, không ghi; false (mặc định): kiểm tra rồi ghi nếu không có lỗi',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ImportRowError = Type.Object({
  sheet: Type.String(),
  row: Type.Integer({ minimum: 1, description: 'Số dòng trong trang tính Excel' }),
  field: Type.String({ description: 'Tên cột (tiếng Việt) của ô bị lỗi' }),
  message: Type.String(),
});
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  committed: Type.Boolean({ description: 'Đã ghi vào cơ sở dữ liệu (chỉ khi không có lỗi nào)' }),
  sheets: Type.Array(
    Type.Object({
      sheet: Type.String(),
      rows: Type.Integer(),
      valid: Type.Integer(),
      created: Type.Integer(),
    }),
  ),
  errors: Type.Array(ImportRowError),
  errorCount: Type.Integer({ minimum: 0 }),
  errorsTruncated: Type.Boolean({ description: 'Chỉ liệt kê một phần lỗi (xem errorCount)' }),
});
export type ImportResult = Static<typeof ImportResult>;

/** An .xlsx file in the answer. */
export const XlsxFile = {
  description: 'Tệp Excel (.xlsx)',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};

/** Deleting a record entered by mistake: the reason is kept in the audit trail with the record as it was. */
export const DeleteRecordBody = Type.Object(
  {
    reason: Type.String({
      minLength: 3,
      maxLength: 500,
      description: 'Lý do xóa (ví dụ: ghi trùng, ghi nhầm đơn vị)',
    }),
  },
  { additionalProperties: false },
);
export type DeleteRecordBody = Static<typeof DeleteRecordBody>;
