import { type Static, Type } from 'typebox';
import { GENDERS, MEMBER_RATINGS, MEMBER_ROLES, TEAM_KINDS, TEAM_STATUSES } from '../domain/teams.js';
import { AuditEvent } from './audit.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const TeamKind = StringEnum(TEAM_KINDS, { description: 'Loại tổ, đội, ban' });
export const TeamStatus = StringEnum(TEAM_STATUSES, {
  description: 'active: đang hoạt động; dissolved: đã giải thể',
});
export const MemberRole = StringEnum(MEMBER_ROLES, { description: 'Chức danh trong tổ, ban' });
export const Gender = StringEnum(GENDERS, { description: 'male: Nam; female: Nữ' });
export const MemberRating = StringEnum(MEMBER_RATINGS, {
  description:
    'excellent: Hoàn thành xuất sắc; good: tốt; completed: hoàn thành; not_completed: không hoàn thành',
});
export const MemberStatus = StringEnum(['active', 'left'] as const, {
  description: 'active: đang công tác; left: đã thôi',
});

const YEAR = Type.Integer({ minimum: 1945, maximum: 2100 });
const Phone = Type.String({
  pattern: '^[0-9+][0-9 .()-]{7,19}$',
  description: 'Số điện thoại, ví dụ 0905 123 456',
});

// ---- teams -------------------------------------------------------------------------------------------------------

export const TeamItem = Type.Object({
  id: Id,
  kind: TeamKind,
  kindLabel: Type.String(),
  historical: Type.Boolean({ description: 'Loại lực lượng trước 01/07/2024, giữ để tra cứu' }),
  name: Type.String(),
  unit: RecordUnit,
  provinceCode: Type.String(),
  establishedOn: IsoDate,
  decisionNumber: Nullable(Type.String()),
  decisionDate: Nullable(IsoDate),
  decisionSigner: Nullable(Type.String()),
  dissolvedOn: Nullable(IsoDate),
  dissolutionNote: Nullable(Type.String()),
  status: TeamStatus,
  notes: Nullable(Type.String()),
  memberCount: Type.Integer({ minimum: 0, description: 'Số thành viên đang công tác tại ngày xem' }),
  leaderName: Nullable(Type.String({ description: 'Tổ trưởng / Trưởng ban hiện tại' })),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type TeamItem = Static<typeof TeamItem>;
export const TeamList = ListResponse(TeamItem);
export type TeamList = Static<typeof TeamList>;

export const TeamDetail = Type.Object({
  ...TeamItem.properties,
  ...{
    membersByRole: Type.Array(
      Type.Object({ role: MemberRole, label: Type.String(), count: Type.Integer({ minimum: 0 }) }),
    ),
    allowedRoles: Type.Array(MemberRole, { description: 'Chức danh dùng được cho loại tổ này' }),
    history: Type.Array(AuditEvent, { description: 'Lịch sử thay đổi (nhật ký), mới nhất trước' }),
  },
});
export type TeamDetail = Static<typeof TeamDetail>;

export const TEAM_SORTS = [
  'name',
  '-name',
  'establishedOn',
  '-establishedOn',
  'kind',
  '-kind',
  'unit',
  '-unit',
  'memberCount',
  '-memberCount',
  'updatedAt',
  '-updatedAt',
] as const;

export const TeamListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Tìm theo tên, không cần dấu' })),
    unit: Type.Optional(Id),
    kind: Type.Optional(Type.Array(TeamKind, { description: 'Một hoặc nhiều loại (kind=a&kind=b)' })),
    status: Type.Optional(TeamStatus),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    asOf: Type.Optional(IsoDate),
    sort: Type.Optional(StringEnum(TEAM_SORTS, { description: 'Trường sắp xếp; dấu "-" là giảm dần' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type TeamListQuery = Static<typeof TeamListQuery>;

/** The export takes the list's filters, without paging. */
export const TeamExportQuery = Type.Object(
  {
    q: TeamListQuery.properties.q,
    unit: TeamListQuery.properties.unit,
    kind: TeamListQuery.properties.kind,
    status: TeamListQuery.properties.status,
    from: TeamListQuery.properties.from,
    to: TeamListQuery.properties.to,
    asOf: TeamListQuery.properties.asOf,
    sort: TeamListQuery.properties.sort,
  },
  { additionalProperties: false },
);
export type TeamExportQuery = Static<typeof TeamExportQuery>;

export const CreateTeamBody = Type.Object(
  {
    kind: TeamKind,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    unitId: Id,
    establishedOn: IsoDate,
    decisionNumber: OptionalText(100, 'Số quyết định thành lập'),
    decisionDate: Type.Optional(Nullable(IsoDate)),
    decisionSigner: OptionalText(150, 'Người ký quyết định'),
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);
export type CreateTeamBody = Static<typeof CreateTeamBody>;

export const UpdateTeamBody = Type.Object(
  {
    kind: Type.Optional(TeamKind),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    unitId: Type.Optional(Id),
    establishedOn: Type.Optional(IsoDate),
    decisionNumber: OptionalText(100),
    decisionDate: Type.Optional(Nullable(IsoDate)),
    decisionSigner: OptionalText(150),
    notes: OptionalText(2000),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTeamBody = Static<typeof UpdateTeamBody>;

export const DissolveTeamBody = Type.Object(
  {
    dissolvedOn: IsoDate,
    reason: OptionalText(1000, 'Lý do, số quyết định giải thể'),
  },
  { additionalProperties: false },
);
export type DissolveTeamBody = Static<typeof DissolveTeamBody>;

export const TeamIdParams = Type.Object({ id: Id });

// ---- members --------------------------------------------------------------------------------------------------

export const RatingEntry = Type.Object({
  year: YEAR,
  rating: MemberRating,
  ratingLabel: Type.String(),
  note: Nullable(Type.String()),
});

export const TrainingItem = Type.Object({
  id: Id,
  course: Type.String(),
  fromDate: IsoDate,
  toDate: Nullable(IsoDate),
  result: Nullable(Type.String()),
});

export const MemberItem = Type.Object({
  id: Id,
  team: Type.Object({ id: Id, name: Type.String(), kind: TeamKind }),
  unit: RecordUnit,
  fullName: Type.String(),
  birthYear: YEAR,
  gender: Nullable(Gender),
  phone: Nullable(Type.String()),
  role: MemberRole,
  roleLabel: Type.String(),
  joinedOn: IsoDate,
  leftOn: Nullable(IsoDate),
  leaveReason: Nullable(Type.String()),
  position: Nullable(Type.String({ description: 'Chức vụ (ví dụ "Chủ tịch UBND xã")' })),
  organisation: Nullable(Type.String({ description: 'Cơ quan, tổ chức công tác' })),
  active: Type.Boolean({ description: 'Đang công tác tại ngày xem' }),
  residenceSince: Nullable(IsoDate),
  eligibilityException: Nullable(Type.String()),
  recognitionDecisionNumber: Nullable(Type.String()),
  recognitionDecisionDate: Nullable(IsoDate),
  certificateNumber: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  ratings: Type.Array(RatingEntry, { description: 'Xếp loại các năm, mới nhất trước' }),
  trainingCount: Type.Integer({ minimum: 0 }),
});
export type MemberItem = Static<typeof MemberItem>;
export const MemberList = ListResponse(MemberItem);
export type MemberList = Static<typeof MemberList>;

export const MemberDetail = Type.Object({
  ...MemberItem.properties,
  ...{ trainings: Type.Array(TrainingItem), history: Type.Array(AuditEvent) },
});
export type MemberDetail = Static<typeof MemberDetail>;

export const MEMBER_SORTS = [
  'role',
  '-role',
  'fullName',
  '-fullName',
  'birthYear',
  '-birthYear',
  'joinedOn',
  '-joinedOn',
  'team',
  '-team',
] as const;

const memberFilters = {
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Tìm theo họ tên, không cần dấu' })),
  role: Type.Optional(Type.Array(MemberRole)),
  status: Type.Optional(MemberStatus),
  asOf: Type.Optional(IsoDate),
  sort: Type.Optional(StringEnum(MEMBER_SORTS)),
  ...PageQuery,
};

export const TeamMemberListQuery = Type.Object(memberFilters, { additionalProperties: false });
export type TeamMemberListQuery = Static<typeof TeamMemberListQuery>;

export const MemberSearchQuery = Type.Object(
  {
    ...memberFilters,
    unit: Type.Optional(Id),
    teamKind: Type.Optional(Type.Array(TeamKind)),
  },
  { additionalProperties: false },
);
export type MemberSearchQuery = Static<typeof MemberSearchQuery>;

/** The export of a member search takes its filters, without paging. */
export const MemberExportQuery = Type.Object(
  {
    q: memberFilters.q,
    role: memberFilters.role,
    status: memberFilters.status,
    asOf: memberFilters.asOf,
    sort: memberFilters.sort,
    unit: Type.Optional(Id),
    teamKind: Type.Optional(Type.Array(TeamKind)),
  },
  { additionalProperties: false },
);
export type MemberExportQuery = Static<typeof MemberExportQuery>;

const memberFields = {
  fullName: Type.String({ minLength: 1, maxLength: 150 }),
  birthYear: YEAR,
  gender: Type.Optional(Nullable(Gender)),
  phone: Type.Optional(Nullable(Phone)),
  role: MemberRole,
  position: OptionalText(200, 'Chức vụ (ví dụ "Chủ tịch UBND xã"); Ban Chỉ đạo ghi chức vụ của thành viên'),
  organisation: OptionalText(200, 'Cơ quan, tổ chức công tác'),
  joinedOn: IsoDate,
  residenceSince: Type.Optional(Nullable(IsoDate)),
  eligibilityException: OptionalText(500, 'Lý do ngoại lệ về tuổi đã được cấp có thẩm quyền chấp thuận'),
  recognitionDecisionNumber: OptionalText(100, 'Số quyết định công nhận thành viên'),
  recognitionDecisionDate: Type.Optional(Nullable(IsoDate)),
  certificateNumber: OptionalText(100, 'Số thẻ / giấy chứng nhận thành viên'),
  notes: OptionalText(2000),
};

export const CreateMemberBody = Type.Object(memberFields, { additionalProperties: false });
export type CreateMemberBody = Static<typeof CreateMemberBody>;

export const UpdateMemberBody = Type.Object(
  {
    fullName: Type.Optional(memberFields.fullName),
    birthYear: Type.Optional(memberFields.birthYear),
    gender: memberFields.gender,
    phone: memberFields.phone,
    role: Type.Optional(memberFields.role),
    position: memberFields.position,
    organisation: memberFields.organisation,
    joinedOn: Type.Optional(memberFields.joinedOn),
    residenceSince: memberFields.residenceSince,
    eligibilityException: memberFields.eligibilityException,
    recognitionDecisionNumber: memberFields.recognitionDecisionNumber,
    recognitionDecisionDate: memberFields.recognitionDecisionDate,
    certificateNumber: memberFields.certificateNumber,
    notes: memberFields.notes,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

export const LeaveBody = Type.Object(
  { leftOn: IsoDate, reason: OptionalText(500) },
  { additionalProperties: false },
);
export type LeaveBody = Static<typeof LeaveBody>;

export const MemberParams = Type.Object({ id: Id, memberId: Id });

export const TrainingBody = Type.Object(
  {
    course: Type.String({ minLength: 1, maxLength: 300, description: 'Tên lớp, khóa tập huấn' }),
    fromDate: IsoDate,
    toDate: Type.Optional(Nullable(IsoDate)),
    result: OptionalText(300, 'Kết quả'),
  },
  { additionalProperties: false },
);
export type TrainingBody = Static<typeof TrainingBody>;
export const TrainingParams = Type.Object({ id: Id, memberId: Id, trainingId: Id });

// ---- ratings ------------------------------------------------------------------------------------------------

export const RatingYearParams = Type.Object({ id: Id, year: YEAR });
export const MemberRatingParams = Type.Object({ id: Id, memberId: Id, year: YEAR });

export const RatingBody = Type.Object(
  { rating: MemberRating, note: OptionalText(500) },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const RatingSheetBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          memberId: Id,
          rating: Nullable(MemberRating),
          note: OptionalText(500),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500, description: 'rating null: bỏ xếp loại của thành viên đó' },
    ),
  },
  { additionalProperties: false },
);
export type RatingSheetBody = Static<typeof RatingSheetBody>;

export const RatingSheet = Type.Object({
  teamId: Id,
  year: YEAR,
  period: Type.Object({ from: IsoDate, to: IsoDate }),
  excellentMaxPercentOfGood: Type.Integer(),
  maxExcellent: Type.Integer({ description: 'Số "xuất sắc" tối đa với số "tốt" hiện có' }),
  counts: Type.Object(
    Object.fromEntries(MEMBER_RATINGS.map((rating) => [rating, Type.Integer({ minimum: 0 })])) as Record<
      (typeof MEMBER_RATINGS)[number],
      ReturnType<typeof Type.Integer>
    >,
  ),
  members: Type.Array(
    Type.Object({
      memberId: Id,
      fullName: Type.String(),
      role: MemberRole,
      roleLabel: Type.String(),
      joinedOn: IsoDate,
      leftOn: Nullable(IsoDate),
      serviceMonths: Type.Integer({ minimum: 0 }),
      ratable: Type.Boolean(),
      reason: Nullable(Type.String({ description: 'Vì sao không được xếp loại' })),
      rating: Nullable(MemberRating),
      note: Nullable(Type.String()),
    }),
  ),
});
export type RatingSheet = Static<typeof RatingSheet>;
