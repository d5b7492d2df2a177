/**
 * Reintegration files (tái hòa nhập cộng đồng). The ID number and the sentence summary travel only in a file's
 * detail, and the sentence summary never reaches a Front officer.
 */
import { type Static, Type } from 'typebox';
import {
  CASE_ORIGINS,
  CASE_STATUSES,
  END_REASONS,
  SUPPORT_KINDS,
  SUPPORT_OUTCOMES,
} from '../domain/reintegration.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { Nullable, OptionalText, RecordUnit, SummaryQuery } from './registry.js';

export const CaseStatus = StringEnum(CASE_STATUSES, {
  description:
    'being_helped: đang giúp đỡ; reintegrated: đã tái hòa nhập; moved: chuyển nơi cư trú; emigrated: xuất cảnh; ' +
    'missing: mất tích; died: đã chết; imprisoned_again: chấp hành án mới; record_expunged: đã xóa án tích',
});
export const EndReason = StringEnum(END_REASONS, { description: 'Lý do kết thúc hồ sơ' });
export const CaseOrigin = StringEnum(CASE_ORIGINS, {
  description: 'released: mới chấp hành xong án; transferred_in: chuyển đến từ xã, phường khác',
});
export const SupportKind = StringEnum(SUPPORT_KINDS, { description: 'Loại hỗ trợ' });
export const SupportOutcome = StringEnum(SUPPORT_OUTCOMES, {
  description: 'in_progress: đang thực hiện; achieved: đạt kết quả; not_achieved: không đạt',
});

const YEAR = Type.Integer({ minimum: 1900, maximum: 2100 });
const IdNumber = Type.String({
  pattern: '^[0-9]{9}$|^[0-9]{12}$',
  description: 'Số định danh cá nhân (12 số) hoặc chứng minh nhân dân (9 số)',
});

export const CaseItem = Type.Object({
  id: Id,
  unit: RecordUnit,
  fullName: Nullable(
    Type.String({ description: 'null khi thông tin cá nhân đã bị xóa theo thời hạn lưu trữ' }),
  ),
  birthYear: Nullable(Type.Integer()),
  residence: Nullable(Type.String({ description: 'Nơi cư trú: thôn, tổ dân phố và địa chỉ' })),
  origin: CaseOrigin,
  status: CaseStatus,
  statusLabel: Type.String(),
  releasedOn: IsoDate,
  openedOn: IsoDate,
  reintegratedOn: Nullable(IsoDate),
  endedOn: Nullable(IsoDate),
  endReason: Nullable(EndReason),
  hasJob: Type.Boolean({ description: 'Đã có việc làm (giới thiệu việc làm đạt kết quả)' }),
  lastCheckInOn: Nullable(IsoDate),
  helpers: Type.Array(Type.String(), { description: 'Tổ chức, cá nhân giúp đỡ đang được phân công' }),
  transferredTo: Nullable(Type.String({ description: 'Xã, phường nhận hồ sơ khi chuyển nơi cư trú' })),
  personalDataRemoved: Type.Boolean(),
});
export type CaseItem = Static<typeof CaseItem>;
export const CaseList = ListResponse(CaseItem);
export type CaseList = Static<typeof CaseList>;

export const Helper = Type.Object({
  id: Id,
  organisation: Nullable(Type.String()),
  personName: Nullable(Type.String()),
  helperUser: Nullable(Type.Object({ id: Id, fullName: Type.String(), username: Type.String() })),
  decisionNumber: Nullable(Type.String()),
  decisionDate: Nullable(IsoDate),
  assignedOn: IsoDate,
  endedOn: Nullable(IsoDate),
});
export type Helper = Static<typeof Helper>;

export const Support = Type.Object({
  id: Id,
  kind: SupportKind,
  kindLabel: Type.String(),
  givenOn: IsoDate,
  outcome: SupportOutcome,
  outcomeLabel: Type.String(),
  outcomeOn: Nullable(IsoDate),
  note: Nullable(Type.String()),
});
export type Support = Static<typeof Support>;

export const CheckIn = Type.Object({
  id: Id,
  checkedOn: IsoDate,
  note: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
});
export type CheckIn = Static<typeof CheckIn>;

export const PreviousFile = Type.Object({
  id: Id,
  unit: RecordUnit,
  openedOn: IsoDate,
  endedOn: Nullable(IsoDate),
  supports: Type.Array(Support),
  checkIns: Type.Array(CheckIn),
});

export const CaseDetail = Type.Object({
  ...CaseItem.properties,
  ...{
    residenceUnitId: Nullable(Id),
    residenceAddress: Nullable(Type.String()),
    idNumber: Nullable(Type.String({ description: 'Giải mã khi đọc; mỗi lần đọc được ghi nhật ký' })),
    sentenceSummary: Nullable(Type.String()),
    sentenceSummaryHidden: Type.Boolean({
      description: 'true: người đọc (cán bộ MTTQ) không được xem tóm tắt bản án',
    }),
    releasingFacility: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    endNote: Nullable(Type.String()),
    personalDataRemovedOn: Nullable(IsoDate),
    transferredFromId: Nullable(Id),
    transferredToCaseId: Nullable(Id),
    helpersDetail: Type.Array(Helper),
    supports: Type.Array(Support),
    checkIns: Type.Array(CheckIn),
    previousFiles: Type.Array(PreviousFile, {
      description: 'Hồ sơ ở các xã, phường trước (khi người này chuyển đến), chỉ đọc',
    }),
    canManage: Type.Boolean({ description: 'Người đọc được sửa hồ sơ, đổi trạng thái, chuyển hồ sơ' }),
    canHelp: Type.Boolean({ description: 'Người đọc được ghi hỗ trợ và nắm tình hình' }),
  },
});
export type CaseDetail = Static<typeof CaseDetail>;

export const CASE_SORTS = ['openedOn', '-openedOn', 'name', '-name', 'releasedOn', '-releasedOn'] as const;

export const CaseListQuery = Type.Object(
  {
    unit: Type.Optional(Id),
    state: Type.Optional(
      StringEnum(['active', 'ended', 'all'] as const, {
        description: 'active (mặc định): đang quản lý; ended: đã kết thúc; all: tất cả',
      }),
    ),
    status: Type.Optional(CaseStatus),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Họ tên, gõ không dấu cũng được' }),
    ),
    sort: Type.Optional(StringEnum(CASE_SORTS)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const CaseIdParams = Type.Object({ id: Id });

export const CreateCaseBody = Type.Object(
  {
    unitId: Id,
    fullName: Type.String({ minLength: 1, maxLength: 120 }),
    birthYear: YEAR,
    residenceUnitId: Type.Optional(Nullable(Id)),
    residenceAddress: OptionalText(300),
    idNumber: Type.Optional(Nullable(IdNumber)),
    releasedOn: IsoDate,
    releasingFacility: OptionalText(200),
    sentenceSummary: OptionalText(2000),
    openedOn: Type.Optional(IsoDate),
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const UpdateCaseBody = Type.Object(
  {
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    birthYear: Type.Optional(YEAR),
    residenceUnitId: Type.Optional(Nullable(Id)),
    residenceAddress: OptionalText(300),
    idNumber: Type.Optional(Nullable(IdNumber)),
    releasedOn: Type.Optional(IsoDate),
    releasingFacility: OptionalText(200),
    sentenceSummary: OptionalText(2000),
    notes: OptionalText(2000),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCaseBody = Static<typeof UpdateCaseBody>;

export const HelperBody = Type.Object(
  {
    organisation: OptionalText(200),
    personName: OptionalText(120),
    helperUserId: Type.Optional(Nullable(Id)),
    decisionNumber: OptionalText(60),
    decisionDate: Type.Optional(Nullable(IsoDate)),
    assignedOn: IsoDate,
  },
  { additionalProperties: false },
);
export type HelperBody = Static<typeof HelperBody>;

export const EndHelperBody = Type.Object({ endedOn: IsoDate }, { additionalProperties: false });
export type EndHelperBody = Static<typeof EndHelperBody>;
export const HelperParams = Type.Object({ id: Id, helperId: Id });

export const SupportBody = Type.Object(
  {
    kind: SupportKind,
    givenOn: IsoDate,
    outcome: SupportOutcome,
    outcomeOn: Type.Optional(Nullable(IsoDate)),
    note: OptionalText(1000),
  },
  { additionalProperties: false },
);
export type SupportBody = Static<typeof SupportBody>;

export const SupportOutcomeBody = Type.Object(
  { outcome: SupportOutcome, outcomeOn: Type.Optional(Nullable(IsoDate)), note: OptionalText(1000) },
  { additionalProperties: false },
);
export type SupportOutcomeBody = Static<typeof SupportOutcomeBody>;
export const SupportParams = Type.Object({ id: Id, supportId: Id });

export const CheckInBody = Type.Object(
  { checkedOn: IsoDate, note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type CheckInBody = Static<typeof CheckInBody>;

export const StatusBody = Type.Object(
  {
    status: StringEnum(
      [
        'being_helped',
        'reintegrated',
        'emigrated',
        'missing',
        'died',
        'imprisoned_again',
        'record_expunged',
      ] as const,
      {
        description: 'Trạng thái mới; chuyển nơi cư trú dùng POST /transfer',
      },
    ),
    date: IsoDate,
    note: OptionalText(1000),
  },
  { additionalProperties: false },
);
export type StatusBody = Static<typeof StatusBody>;

export const TransferBody = Type.Object(
  { toUnitId: Id, date: IsoDate, note: OptionalText(1000) },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

export const HelperCandidate = Type.Object({
  id: Id,
  fullName: Type.String(),
  username: Type.String(),
  position: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
});
export const HelperCandidates = Type.Object({ items: Type.Array(HelperCandidate) });
export type HelperCandidates = Static<typeof HelperCandidates>;

export const ReintegrationSummaryQuery = Type.Object(
  {
    ...SummaryQuery.properties,
    from: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);
export type ReintegrationSummaryQuery = Static<typeof ReintegrationSummaryQuery>;

export const RetentionResult = Type.Object({
  cutoff: IsoDate,
  years: Type.Integer(),
  cases: Type.Integer({ minimum: 0, description: 'Số hồ sơ đã xóa thông tin cá nhân' }),
});
export type RetentionResult = Static<typeof RetentionResult>;

export const DestinationQuery = Type.Object(
  { q: Type.String({ minLength: 2, maxLength: 100, description: 'Tên xã, phường (không dấu cũng được)' }) },
  { additionalProperties: false },
);
export const Destinations = Type.Object({
  items: Type.Array(Type.Object({ id: Id, fullName: Type.String(), provinceName: Nullable(Type.String()) })),
});
export type Destinations = Static<typeof Destinations>;
