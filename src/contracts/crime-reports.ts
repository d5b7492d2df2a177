/** The officers' inbox of crime reports: /api/reports/*. */
import { type Static, Type } from 'typebox';
import { REPORT_STATUSES } from '../domain/crime-reports.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { ReportContact } from './portal.js';
import { Nullable } from './registry.js';

export const ReportStatus = StringEnum(REPORT_STATUSES, {
  description:
    'received: đã tiếp nhận, ghi sổ; verifying: đang kiểm tra, xác minh sơ bộ; transferred: đã chuyển Cơ quan điều tra; ' +
    'case_opened / case_not_opened / suspended: khởi tố / không khởi tố / tạm đình chỉ; closed_duplicate / closed_unfounded: đóng vì trùng / không có căn cứ',
});

export const ClockState = StringEnum(['done', 'stopped', 'running', 'due_soon', 'overdue'] as const);
export const Clock = Type.Object({
  dueOn: IsoDate,
  state: ClockState,
  daysLeft: Nullable(Type.Integer()),
});

const UnitName = Type.Object({ id: Id, code: Type.String(), fullName: Type.String() });

export const ReportItem = Type.Object({
  id: Id,
  code: Type.String(),
  category: Type.String(),
  categoryLabel: Type.String(),
  status: ReportStatus,
  statusLabel: Type.String(),
  unit: UnitName,
  receivedAt: Type.String({ format: 'date-time' }),
  receivedOn: IsoDate,
  anonymous: Type.Boolean(),
  valuable: Type.Boolean(),
  assignee: Nullable(Type.Object({ id: Id, fullName: Type.String() })),
  noticeClock: Clock,
  decisionClock: Clock,
  unreadFromReporter: Type.Boolean({ description: 'Người gửi đã nhắn sau tin nhắn cuối của cán bộ' }),
});
export type ReportItem = Static<typeof ReportItem>;
export const ReportList = ListResponse(ReportItem);
export type ReportList = Static<typeof ReportList>;

export const REPORT_CLOCK_FILTERS = ['overdue', 'due_soon'] as const;
export const ReportListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(ReportStatus)),
    category: Type.Optional(Type.String({ maxLength: 40 })),
    clock: Type.Optional(
      StringEnum(REPORT_CLOCK_FILTERS, {
        description: 'overdue: có hạn đã quá; due_soon: có hạn sắp đến (≤ 2 ngày)',
      }),
    ),
    assigned: Type.Optional(StringEnum(['me', 'none'] as const)),
    open: Type.Optional(
      Type.Boolean({ description: 'Chỉ tin đang giải quyết (chưa có kết quả, chưa đóng)' }),
    ),
    code: Type.Optional(Type.String({ maxLength: 20 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ReportListQuery = Static<typeof ReportListQuery>;

export const ReportMessage = Type.Object({
  id: Id,
  from: StringEnum(['reporter', 'officer'] as const),
  authorName: Nullable(Type.String()),
  body: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
export const ReportNote = Type.Object({
  id: Id,
  authorName: Nullable(Type.String()),
  body: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
export const ReportEvent = Type.Object({
  id: Id,
  kind: Type.String(),
  label: Type.String(),
  actorName: Nullable(Type.String()),
  detail: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
});

export const ReportDetail = Type.Object({
  ...ReportItem.properties,
  ...{
    description: Type.String(),
    occurredAt: Nullable(Type.String()),
    place: Nullable(Type.String()),
    location: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
    provinceCode: Type.String({ description: 'Mã tỉnh của tin báo (để vẽ bản đồ ranh giới)' }),
    involved: Nullable(Type.String()),
    contact: Nullable(ReportContact),
    consentContact: Type.Boolean(),
    intakeUnit: UnitName,
    registerNumber: Type.Integer({ description: 'Số thứ tự trong sổ tiếp nhận của đơn vị, theo năm' }),
    noticeSentOn: Nullable(IsoDate),
    firstExtension: Nullable(Type.Object({ until: IsoDate, reason: Type.String() })),
    secondExtension: Nullable(Type.Object({ until: IsoDate, reason: Type.String() })),
    statusReason: Nullable(Type.String()),
    decidedOn: Nullable(IsoDate),
    duplicateOf: Nullable(Type.Object({ id: Id, code: Type.String() })),
    duplicates: Type.Array(Type.Object({ id: Id, code: Type.String() })),
    casesSolved: Type.Integer({ minimum: 0 }),
    personsArrested: Type.Integer({ minimum: 0 }),
    propertyRecoveredVnd: Type.Integer({ minimum: 0 }),
    allowedStatuses: Type.Array(ReportStatus),
    files: Type.Array(
      Type.Object({
        id: Id,
        name: Type.String(),
        contentType: Type.String(),
        size: Type.Integer(),
        uploadedBy: StringEnum(['reporter', 'officer'] as const),
        at: Type.String({ format: 'date-time' }),
      }),
    ),
    messages: Type.Array(ReportMessage),
    notes: Type.Array(ReportNote),
    events: Type.Array(ReportEvent),
  },
});
export type ReportDetail = Static<typeof ReportDetail>;

export const ReportIdParams = Type.Object({ id: Id });
export const ReportFileParams = Type.Object({ id: Id, fileId: Id });

export const StatusBody = Type.Object(
  {
    status: ReportStatus,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    decidedOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type StatusBody = Static<typeof StatusBody>;

export const NoticeBody = Type.Object(
  { sentOn: IsoDate },
  {
    additionalProperties: false,
    description: 'Ngày gửi thông báo bằng văn bản cho Viện kiểm sát và người tố giác',
  },
);
export const ExtensionBody = Type.Object(
  { until: IsoDate, reason: Type.String({ minLength: 5, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type ExtensionBody = Static<typeof ExtensionBody>;
export const AssignBody = Type.Object({ assigneeId: Nullable(Id) }, { additionalProperties: false });
export const TextBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const DuplicateBody = Type.Object(
  {
    duplicateOfCode: Type.String({ maxLength: 20 }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const TransferBody = Type.Object(
  {
    to: StringEnum(['commune', 'province'] as const, {
      description: 'commune: sang xã, phường khác (communeCode); province: lên Công an tỉnh',
    }),
    communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    reason: Type.String({ minLength: 5, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;
export const OutcomeBody = Type.Object(
  {
    valuable: Type.Optional(Type.Boolean()),
    casesSolved: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    personsArrested: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    propertyRecoveredVnd: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e15 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type OutcomeBody = Static<typeof OutcomeBody>;

export const Assignee = Type.Object({ id: Id, fullName: Type.String(), unitName: Type.String() });
export const AssigneeList = Type.Array(Assignee);

export const ReportSummary = Type.Object({
  total: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  dueSoon: Type.Integer(),
  valuable: Type.Integer(),
  casesSolved: Type.Integer(),
  personsArrested: Type.Integer(),
  propertyRecoveredVnd: Type.Integer(),
  byStatus: Type.Array(Type.Object({ status: ReportStatus, label: Type.String(), count: Type.Integer() })),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const RegisterQuery = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    format: Type.Optional(StringEnum(['xlsx', 'docx'] as const)),
  },
  { additionalProperties: false },
);
export type RegisterQuery = Static<typeof RegisterQuery>;

export const Holiday = Type.Object({ day: IsoDate, name: Type.String() });
export const HolidayList = Type.Array(Holiday);
export const HolidayBody = Type.Object(
  { name: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);
export const HolidayParams = Type.Object({ day: IsoDate });

export const Category = Type.Object({
  code: Type.String(),
  label: Type.String(),
  labelEn: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
export const CategoryList = Type.Array(Category);
export const CategoryParams = Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }) });
export const CategoryBody = Type.Object(
  {
    label: Type.String({ minLength: 2, maxLength: 200 }),
    labelEn: Type.String({ minLength: 2, maxLength: 200 }),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CategoryBody = Static<typeof CategoryBody>;

/** An attached photo in the answer. */
export const ImageFile = {
  description: 'Ảnh (JPG, PNG, WEBP) đã xóa siêu dữ liệu',
  content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
};

/** The intake register in the answer: Excel by default, Word with format=docx. */
export const RegisterFile = {
  description: 'Sổ tiếp nhận (.xlsx hoặc .docx)',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};
