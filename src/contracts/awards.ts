import { type Static, Type } from 'typebox';
import { AWARD_REASONS, AWARD_STATUSES, RECIPIENT_CLASSES, RECIPIENT_TYPES } from '../domain/awards.js';
import { Attachment } from './attachments.js';
import { AuditEvent } from './audit.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const RecipientType = StringEnum(RECIPIENT_TYPES, {
  description:
    'unit: đơn vị; team: tổ, đội; member: thành viên tổ; person: cá nhân khác (ghi tên, chức vụ, nơi công tác)',
});
export const RecipientClass = StringEnum(RECIPIENT_CLASSES, {
  description: 'collective: tập thể; individual: cá nhân',
});
export const AwardStatus = StringEnum(AWARD_STATUSES, {
  description: 'proposed: đề nghị; approved: đã khen thưởng; refused: không được duyệt',
});
export const AwardReason = StringEnum(AWARD_REASONS, {
  description: 'excellent: thành tích xuất sắc; sudden: thành tích đột xuất; other: khác (ghi lý do)',
});
const YEAR = Type.Integer({ minimum: 1945, maximum: 2100 });

export const AwardOption = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
});
export type AwardOption = Static<typeof AwardOption>;
export const AwardOptions = Type.Object({ forms: Type.Array(AwardOption), issuers: Type.Array(AwardOption) });
export type AwardOptions = Static<typeof AwardOptions>;
export const AwardOptionKindParams = Type.Object({ list: StringEnum(['forms', 'issuers'] as const) });
export const CreateAwardOptionBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9_]+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type CreateAwardOptionBody = Static<typeof CreateAwardOptionBody>;
export const AwardOptionParams = Type.Object({ list: AwardOptionKindParams.properties.list, id: Id });
export const UpdateAwardOptionBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    active: Type.Optional(Type.Boolean({ description: 'false: ngừng dùng (khen thưởng đã ghi vẫn giữ)' })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAwardOptionBody = Static<typeof UpdateAwardOptionBody>;

export const AwardItem = Type.Object({
  id: Id,
  status: AwardStatus,
  statusLabel: Type.String(),
  recipientType: RecipientType,
  recipientClass: RecipientClass,
  recipientName: Type.String({ description: 'Tên tập thể hoặc cá nhân được khen' }),
  recipientPosition: Nullable(Type.String()),
  recipientWorkplace: Nullable(Type.String()),
  recipientTeamId: Nullable(Id),
  recipientMemberId: Nullable(Id),
  unit: RecordUnit,
  form: Type.Object({ id: Id, code: Type.String(), name: Type.String() }),
  issuer: Type.Object({ id: Id, code: Type.String(), name: Type.String() }),
  decisionNumber: Nullable(Type.String()),
  decisionDate: Nullable(IsoDate),
  reason: AwardReason,
  reasonLabel: Type.String(),
  reasonText: Nullable(Type.String()),
  periodFrom: YEAR,
  periodTo: Nullable(YEAR),
  periodLabel: Type.String({ description: '"2024" hoặc "2014–2023"' }),
  phase: Nullable(Type.String()),
  proposedOn: Nullable(IsoDate),
  decisionNote: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  attachmentCount: Type.Integer({ minimum: 0 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type AwardItem = Static<typeof AwardItem>;
export const AwardList = ListResponse(AwardItem);
export type AwardList = Static<typeof AwardList>;
export const AwardDetail = Type.Object({
  ...AwardItem.properties,
  ...{ attachments: Type.Array(Attachment), history: Type.Array(AuditEvent) },
});
export type AwardDetail = Static<typeof AwardDetail>;

export const AWARD_SORTS = [
  'decisionDate',
  '-decisionDate',
  'recipient',
  '-recipient',
  'updatedAt',
  '-updatedAt',
] as const;
const awardFilters = {
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Tìm theo tên người, tập thể được khen, số quyết định; không cần dấu',
    }),
  ),
  unit: Type.Optional(Id),
  status: Type.Optional(Type.Array(AwardStatus)),
  form: Type.Optional(Type.Array(Id)),
  issuer: Type.Optional(Type.Array(Id)),
  recipientClass: Type.Optional(RecipientClass),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  asOf: Type.Optional(
    Type.String({ format: 'date', description: 'Chỉ khen thưởng có quyết định đến ngày này' }),
  ),
  sort: Type.Optional(StringEnum(AWARD_SORTS)),
};
export const AwardListQuery = Type.Object({ ...awardFilters, ...PageQuery }, { additionalProperties: false });
export type AwardListQuery = Static<typeof AwardListQuery>;
export const AwardExportQuery = Type.Object(awardFilters, { additionalProperties: false });
export type AwardExportQuery = Static<typeof AwardExportQuery>;

export const CreateAwardBody = Type.Object(
  {
    status: Type.Optional(
      StringEnum(['proposed', 'approved'] as const, {
        description:
          'proposed (mặc định): đề nghị, chờ cấp trên duyệt; approved: ghi khen thưởng đã có quyết định (cần quyền duyệt)',
      }),
    ),
    recipientType: RecipientType,
    recipientUnitId: Type.Optional(Id),
    recipientTeamId: Type.Optional(Id),
    recipientMemberId: Type.Optional(Id),
    recipientName: OptionalText(300, 'Bắt buộc với cá nhân khác'),
    recipientPosition: OptionalText(200),
    recipientWorkplace: OptionalText(300),
    unitId: Type.Optional(Id),
    formId: Id,
    issuerId: Id,
    decisionNumber: OptionalText(100),
    decisionDate: Type.Optional(Nullable(IsoDate)),
    reason: AwardReason,
    reasonText: OptionalText(1000),
    periodFrom: YEAR,
    periodTo: Type.Optional(Nullable(YEAR)),
    phase: OptionalText(200),
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);
export type CreateAwardBody = Static<typeof CreateAwardBody>;

export const UpdateAwardBody = Type.Object(
  {
    formId: Type.Optional(Id),
    issuerId: Type.Optional(Id),
    reason: Type.Optional(AwardReason),
    reasonText: OptionalText(1000),
    periodFrom: Type.Optional(YEAR),
    periodTo: Type.Optional(Nullable(YEAR)),
    phase: OptionalText(200),
    recipientPosition: OptionalText(200),
    recipientWorkplace: OptionalText(300),
    decisionNumber: OptionalText(100),
    decisionDate: Type.Optional(Nullable(IsoDate)),
    notes: OptionalText(2000),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAwardBody = Static<typeof UpdateAwardBody>;

export const AwardIdParams = Type.Object({ id: Id });
export const ApproveAwardBody = Type.Object(
  {
    decisionNumber: Type.String({ minLength: 1, maxLength: 100 }),
    decisionDate: IsoDate,
    note: OptionalText(1000),
  },
  { additionalProperties: false },
);
export type ApproveAwardBody = Static<typeof ApproveAwardBody>;
export const RefuseAwardBody = Type.Object(
  { note: Type.String({ minLength: 3, maxLength: 1000, description: 'Lý do không duyệt' }) },
  { additionalProperties: false },
);
export type RefuseAwardBody = Static<typeof RefuseAwardBody>;
