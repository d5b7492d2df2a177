import { type Static, Type } from 'typebox';
import { MODEL_RATINGS, MODEL_STATUSES } from '../domain/models.js';
import { AuditEvent } from './audit.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const ModelStatus = StringEnum(MODEL_STATUSES, {
  description: 'active: đang hoạt động; paused: tạm dừng; ended: đã kết thúc',
});
export const ModelRating = StringEnum(MODEL_RATINGS, { description: 'good, average, poor' });
const YEAR = Type.Integer({ minimum: 1945, maximum: 2100 });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });

// ---- kinds --------------------------------------------------------------------------------------------------------

export const ModelKind = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  isCamera: Type.Boolean({ description: 'Mô hình camera: có số điểm camera và số camera' }),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
});
export type ModelKind = Static<typeof ModelKind>;
export const ModelKindList = Type.Object({ items: Type.Array(ModelKind) });
export type ModelKindList = Static<typeof ModelKindList>;

export const CreateModelKindBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9_]+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    isCamera: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type CreateModelKindBody = Static<typeof CreateModelKindBody>;

export const UpdateModelKindBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateModelKindBody = Static<typeof UpdateModelKindBody>;
export const ModelKindParams = Type.Object({ kindId: Id });

// ---- models ------------------------------------------------------------------------------------------------------

export const ModelRef = Type.Object({ id: Id, name: Type.String() });

export const ModelItem = Type.Object({
  id: Id,
  name: Type.String(),
  kind: Type.Object({ id: Id, code: Type.String(), name: Type.String(), isCamera: Type.Boolean() }),
  leadUnit: RecordUnit,
  units: Type.Array(Type.Object({ unit: RecordUnit, lead: Type.Boolean() }), {
    description: 'Các đơn vị cùng thực hiện, đơn vị chủ trì trước',
  }),
  provinceCode: Type.String(),
  startedOn: IsoDate,
  endedOn: Nullable(IsoDate),
  status: Nullable(ModelStatus),
  statusLabel: Type.String(),
  statusSince: Nullable(IsoDate),
  exemplary: Type.Boolean({ description: 'Điển hình tiên tiến' }),
  exemplaryYear: Nullable(YEAR),
  exemplaryDecision: Nullable(Type.String()),
  cameraPoints: Nullable(Count),
  cameras: Nullable(Count),
  replicatedFrom: Nullable(
    Type.Object({
      id: Id,
      name: Nullable(Type.String({ description: 'null khi mô hình gốc nằm ngoài phạm vi của bạn' })),
      visible: Type.Boolean(),
    }),
  ),
  replicaCount: Type.Integer({ minimum: 0, description: 'Số mô hình nhân rộng trực tiếp từ mô hình này' }),
  latestRating: Nullable(Type.Object({ year: YEAR, rating: ModelRating, ratingLabel: Type.String() })),
  notes: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ModelItem = Static<typeof ModelItem>;
export const ModelList = ListResponse(ModelItem);
export type ModelList = Static<typeof ModelList>;

export const ModelDetail = Type.Object({
  ...ModelItem.properties,
  ...{
    statusHistory: Type.Array(
      Type.Object({
        id: Id,
        status: ModelStatus,
        statusLabel: Type.String(),
        effectiveOn: IsoDate,
        note: Nullable(Type.String()),
      }),
    ),
    ratings: Type.Array(
      Type.Object({
        year: YEAR,
        rating: ModelRating,
        ratingLabel: Type.String(),
        note: Nullable(Type.String()),
      }),
    ),
    history: Type.Array(AuditEvent),
  },
});
export type ModelDetail = Static<typeof ModelDetail>;

export const MODEL_SORTS = [
  'name',
  '-name',
  'startedOn',
  '-startedOn',
  'kind',
  '-kind',
  'unit',
  '-unit',
  'updatedAt',
  '-updatedAt',
] as const;

const modelFilters = {
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Tìm theo tên, không cần dấu' })),
  unit: Type.Optional(Id),
  kind: Type.Optional(Type.Array(Id, { description: 'Mã định danh loại mô hình (một hoặc nhiều)' })),
  status: Type.Optional(Type.Array(ModelStatus)),
  exemplary: Type.Optional(Type.Boolean()),
  camera: Type.Optional(Type.Boolean({ description: 'Chỉ mô hình camera' })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  asOf: Type.Optional(IsoDate),
  sort: Type.Optional(StringEnum(MODEL_SORTS)),
};

export const ModelListQuery = Type.Object({ ...modelFilters, ...PageQuery }, { additionalProperties: false });
export type ModelListQuery = Static<typeof ModelListQuery>;
export const ModelExportQuery = Type.Object(modelFilters, { additionalProperties: false });
export type ModelExportQuery = Static<typeof ModelExportQuery>;

export const CreateModelBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    kindId: Id,
    leadUnitId: Id,
    partnerUnitIds: Type.Optional(Type.Array(Id, { maxItems: 50, description: 'Các đơn vị cùng thực hiện' })),
    startedOn: IsoDate,
    exemplary: Type.Optional(Type.Boolean()),
    exemplaryYear: Type.Optional(Nullable(YEAR)),
    exemplaryDecision: OptionalText(200),
    cameraPoints: Type.Optional(Nullable(Count)),
    cameras: Type.Optional(Nullable(Count)),
    replicatedFromId: Type.Optional(Nullable(Id)),
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);
export type CreateModelBody = Static<typeof CreateModelBody>;

export const UpdateModelBody = Type.Object(
  {
    name: Type.Optional(CreateModelBody.properties.name),
    kindId: Type.Optional(Id),
    leadUnitId: Type.Optional(Id),
    partnerUnitIds: CreateModelBody.properties.partnerUnitIds,
    startedOn: Type.Optional(IsoDate),
    exemplary: CreateModelBody.properties.exemplary,
    exemplaryYear: CreateModelBody.properties.exemplaryYear,
    exemplaryDecision: CreateModelBody.properties.exemplaryDecision,
    cameraPoints: CreateModelBody.properties.cameraPoints,
    cameras: CreateModelBody.properties.cameras,
    replicatedFromId: CreateModelBody.properties.replicatedFromId,
    notes: CreateModelBody.properties.notes,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateModelBody = Static<typeof UpdateModelBody>;

export const ModelIdParams = Type.Object({ id: Id });

export const ModelStatusBody = Type.Object(
  { status: ModelStatus, effectiveOn: IsoDate, note: OptionalText(1000) },
  { additionalProperties: false },
);
export type ModelStatusBody = Static<typeof ModelStatusBody>;

export const EndModelBody = Type.Object(
  { endedOn: IsoDate, note: OptionalText(1000) },
  { additionalProperties: false },
);
export type EndModelBody = Static<typeof EndModelBody>;

export const ModelRatingParams = Type.Object({ id: Id, year: YEAR });
export const ModelRatingBody = Type.Object(
  { rating: ModelRating, note: OptionalText(1000) },
  { additionalProperties: false },
);
export type ModelRatingBody = Static<typeof ModelRatingBody>;

// ---- replication tree --------------------------------------------------------------------------------------------

/**
 * The spread of a model as a flat list (parent before child), easy to turn into a tree on screen. Models outside
 * the reader's scope are not shown: they are counted, and a visible model found below one of them hangs under its
 * nearest visible ancestor with `viaHidden`.
 */
export const ReplicationNode = Type.Object({
  id: Id,
  parentId: Nullable(Id),
  depth: Type.Integer({ minimum: 0 }),
  name: Type.String(),
  kindName: Type.String(),
  leadUnit: RecordUnit,
  startedOn: IsoDate,
  status: Nullable(ModelStatus),
  viaHidden: Type.Boolean({ description: 'Nhân rộng qua mô hình nằm ngoài phạm vi của bạn' }),
  hiddenChildren: Type.Integer({
    minimum: 0,
    description:
      'Số mô hình nhân rộng từ mô hình này (trực tiếp, hoặc qua mô hình cũng bị ẩn) nằm ngoài phạm vi',
  }),
});

export const ReplicationTree = Type.Object({
  ancestors: Type.Array(Type.Object({ id: Id, name: Nullable(Type.String()), visible: Type.Boolean() }), {
    description: 'Chuỗi mô hình gốc, từ gốc xa nhất đến mô hình liền trước; tên ẩn khi ngoài phạm vi',
  }),
  nodes: Type.Array(ReplicationNode, {
    description: 'Mô hình này (đầu tiên) và các mô hình nhân rộng từ nó',
  }),
  visibleCount: Type.Integer({
    minimum: 0,
    description: 'Số mô hình nhân rộng hiện ra (không kể mô hình này)',
  }),
  hiddenCount: Type.Integer({ minimum: 0, description: 'Số mô hình nhân rộng nằm ngoài phạm vi' }),
});
export type ReplicationTree = Static<typeof ReplicationTree>;
