import { type Static, Type } from 'typebox';
import { LINEAGE_CHANGES, LINEAGE_RELATIONS, UNIT_KINDS, UNIT_SOURCES } from '../domain/units.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';

const literalUnion = <const T extends readonly string[]>(values: T, description: string) =>
  StringEnum(values, { description });

export const UnitKind = literalUnion(UNIT_KINDS, 'Loại đơn vị');
export const UnitSource = literalUnion(UNIT_SOURCES, 'Nguồn dữ liệu');

export const UnitRef = Type.Object({
  id: Id,
  code: Type.String(),
  kind: UnitKind,
  fullName: Type.String(),
});
export type UnitRef = Static<typeof UnitRef>;

export const UnitSummary = Type.Object({
  id: Id,
  code: Type.String({ description: 'Mã đơn vị hành chính chính thức' }),
  kind: UnitKind,
  name: Type.String(),
  typeName: Type.String({ description: 'Loại theo tên gọi: Xã, Phường, Tỉnh…' }),
  fullName: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  parentId: Type.Union([Id, Type.Null()]),
  parentName: Type.Union([Type.String(), Type.Null()]),
  provinceCode: Type.String({ description: 'Mã tỉnh mà đơn vị thuộc vào ngày xem' }),
  provinceName: Type.Union([Type.String(), Type.Null()]),
  validFrom: Type.Union([IsoDate, Type.Null()], {
    description: 'Có hiệu lực từ (null: trước khi có dữ liệu)',
  }),
  validTo: Type.Union([IsoDate, Type.Null()], {
    description: 'Hết hiệu lực sau ngày (null: đang có hiệu lực)',
  }),
  source: UnitSource,
  childCount: Type.Integer({ minimum: 0, description: 'Số đơn vị trực thuộc tại ngày xem' }),
});
export type UnitSummary = Static<typeof UnitSummary>;

export const UnitVersion = Type.Object({
  validFrom: Type.Union([IsoDate, Type.Null()]),
  validTo: Type.Union([IsoDate, Type.Null()]),
  name: Type.String(),
  typeName: Type.String(),
  fullName: Type.String(),
  parent: Type.Union([UnitRef, Type.Null()]),
  legalBasis: Type.Union([Type.String(), Type.Null()]),
});

export const LineageLink = Type.Object({
  unit: UnitRef,
  parentName: Type.Union([Type.String(), Type.Null()]),
  effectiveDate: IsoDate,
  relation: literalUnion(LINEAGE_RELATIONS, 'Toàn bộ hay một phần'),
  change: literalUnion(LINEAGE_CHANGES, 'Sáp nhập, chia tách hay đổi tên'),
  note: Type.Union([Type.String(), Type.Null()]),
  legalBasis: Type.Union([Type.String(), Type.Null()]),
});
export type LineageLink = Static<typeof LineageLink>;

export const UnitDetail = Type.Object({
  ...UnitSummary.properties,
  ...{
    asOf: IsoDate,
    existsOnDate: Type.Boolean({ description: 'Đơn vị có tồn tại vào ngày xem không' }),
    ancestors: Type.Array(UnitRef, { description: 'Từ tỉnh xuống cấp trên trực tiếp' }),
    childCounts: Type.Array(Type.Object({ kind: UnitKind, count: Type.Integer({ minimum: 0 }) })),
    versions: Type.Array(UnitVersion),
    predecessors: Type.Array(LineageLink),
    successors: Type.Array(LineageLink),
  },
});
export type UnitDetail = Static<typeof UnitDetail>;

export const UnitListQuery = Type.Object(
  {
    kind: Type.Optional(UnitKind),
    parent: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Tìm theo tên, không cần dấu: "nhon loc"' })),
    asOf: Type.Optional(IsoDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UnitListQuery = Static<typeof UnitListQuery>;

export const UnitChildrenQuery = Type.Object(
  { asOf: Type.Optional(IsoDate), kind: Type.Optional(UnitKind), ...PageQuery },
  { additionalProperties: false },
);
export type UnitChildrenQuery = Static<typeof UnitChildrenQuery>;

export const UnitRootsQuery = Type.Object(
  { asOf: Type.Optional(IsoDate), ...PageQuery },
  { additionalProperties: false },
);

export const UnitIdParams = Type.Object({ id: Id });
export const UnitDetailQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });

export const UnitList = ListResponse(UnitSummary);
export type UnitList = Static<typeof UnitList>;
