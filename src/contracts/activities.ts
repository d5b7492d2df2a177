import { type Static, Type } from 'typebox';
import {
  ACTIVITY_TRAITS,
  LEARNER_GROUPS,
  ORGANISERS,
  PILOT_LEVELS,
  PLAUSIBILITY_WARNINGS,
} from '../domain/activities.js';
import { Attachment } from './attachments.js';
import { AuditEvent } from './audit.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { DocumentRef } from './documents.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const ActivityTrait = StringEnum(ACTIVITY_TRAITS, {
  description:
    'general: thường; festival: Ngày hội (phần lễ, phần hội, điểm, quà); class: lớp học (học viên theo nhóm); hearing: hội nghị lắng nghe ý kiến Nhân dân',
});
export const Organiser = StringEnum(ORGANISERS, {
  description:
    'police, fatherland_front, youth_union, women_union, veterans, farmers_union, local_government, school, enterprise, other',
});
export const LearnerGroup = StringEnum(LEARNER_GROUPS);
export const PilotLevel = StringEnum(PILOT_LEVELS, {
  description: 'Cấp chọn điểm: national, province, district, commune',
});
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Vnd = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'Đồng' });

// ---- kinds --------------------------------------------------------------------------------------------------------

export const ActivityKind = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  trait: ActivityTrait,
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
});
export type ActivityKind = Static<typeof ActivityKind>;
export const ActivityKindList = Type.Object({ items: Type.Array(ActivityKind) });
export type ActivityKindList = Static<typeof ActivityKindList>;
export const CreateActivityKindBody = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9_]+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    trait: Type.Optional(ActivityTrait),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type CreateActivityKindBody = Static<typeof CreateActivityKindBody>;
export const UpdateActivityKindBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    active: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateActivityKindBody = Static<typeof UpdateActivityKindBody>;
export const ActivityKindParams = Type.Object({ kindId: Id });

// ---- activities ---------------------------------------------------------------------------------------------------

export const FestivalFacts = Type.Object({
  ceremonyHeld: Nullable(Type.Boolean({ description: 'Có phần lễ' })),
  festivalHeld: Nullable(Type.Boolean({ description: 'Có phần hội' })),
  pilot: Nullable(Type.Boolean({ description: 'Tổ chức làm điểm' })),
  pilotChosenBy: Nullable(PilotLevel),
  giftsCount: Nullable(Count),
  giftsValueVnd: Nullable(Vnd),
});
export type FestivalFacts = Static<typeof FestivalFacts>;

export const PlausibilityWarning = Type.Object({
  code: StringEnum(PLAUSIBILITY_WARNINGS, {
    description: 'exceeds_population: vượt dân số; unusual_multiple: gấp nhiều lần mức thường gặp',
  }),
  message: Type.String(),
});

export const LearnerCount = Type.Object({ group: LearnerGroup, count: Count });

export const ActivityItem = Type.Object({
  id: Id,
  kind: Type.Object({ id: Id, code: Type.String(), name: Type.String(), trait: ActivityTrait }),
  title: Type.String(),
  unit: RecordUnit,
  provinceCode: Type.String(),
  startsOn: IsoDate,
  endsOn: Nullable(IsoDate),
  organisers: Type.Array(Organiser),
  organiserLabels: Type.Array(Type.String()),
  organiserOther: Nullable(Type.String()),
  participants: Nullable(Count),
  learners: Type.Array(Type.Object({ ...LearnerCount.properties, groupLabel: Type.String() })),
  learnerTotal: Count,
  festival: Nullable(FestivalFacts),
  plan: Nullable(DocumentRef),
  planText: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  plausibility: Nullable(
    Type.Object({
      warnings: Type.Array(PlausibilityWarning),
      reason: Type.String({ description: 'Lý do người nhập xác nhận số liệu' }),
    }),
  ),
  attachmentCount: Type.Integer({ minimum: 0 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ActivityItem = Static<typeof ActivityItem>;
export const ActivityList = ListResponse(ActivityItem);
export type ActivityList = Static<typeof ActivityList>;

export const ActivityDetail = Type.Object({
  ...ActivityItem.properties,
  ...{
    attachments: Type.Array(Attachment),
    feedbackCount: Type.Integer({ minimum: 0, description: 'Ý kiến phản ánh ghi nhận tại hoạt động này' }),
    history: Type.Array(AuditEvent),
  },
});
export type ActivityDetail = Static<typeof ActivityDetail>;

export const ACTIVITY_SORTS = [
  'startsOn',
  '-startsOn',
  'title',
  '-title',
  'participants',
  '-participants',
  'unit',
  '-unit',
  'updatedAt',
  '-updatedAt',
] as const;

const activityFilters = {
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Tìm theo tên hoạt động, không cần dấu' })),
  unit: Type.Optional(Id),
  kind: Type.Optional(Type.Array(Id)),
  trait: Type.Optional(ActivityTrait),
  pilot: Type.Optional(Type.Boolean({ description: 'Chỉ Ngày hội tổ chức làm điểm' })),
  plan: Type.Optional(Id),
  flagged: Type.Optional(
    Type.Boolean({ description: 'Chỉ hoạt động có số liệu bất thường đã được xác nhận' }),
  ),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  asOf: Type.Optional(Type.String({ format: 'date', description: 'Chỉ hoạt động bắt đầu đến ngày này' })),
  sort: Type.Optional(StringEnum(ACTIVITY_SORTS)),
};
export const ActivityListQuery = Type.Object(
  { ...activityFilters, ...PageQuery },
  { additionalProperties: false },
);
export type ActivityListQuery = Static<typeof ActivityListQuery>;
export const ActivityExportQuery = Type.Object(activityFilters, { additionalProperties: false });
export type ActivityExportQuery = Static<typeof ActivityExportQuery>;

export const FestivalInput = Type.Object(
  {
    ceremonyHeld: Type.Optional(Nullable(Type.Boolean())),
    festivalHeld: Type.Optional(Nullable(Type.Boolean())),
    pilot: Type.Optional(Nullable(Type.Boolean())),
    pilotChosenBy: Type.Optional(Nullable(PilotLevel)),
    giftsCount: Type.Optional(Nullable(Count)),
    giftsValueVnd: Type.Optional(Nullable(Vnd)),
  },
  { additionalProperties: false },
);

export const Confirmation = Type.Object(
  {
    reason: Type.String({ minLength: 5, maxLength: 1000, description: 'Lý do số liệu đúng dù có cảnh báo' }),
  },
  { additionalProperties: false },
);

export const CreateActivityBody = Type.Object(
  {
    kindId: Id,
    title: Type.String({ minLength: 1, maxLength: 500 }),
    unitId: Id,
    startsOn: IsoDate,
    endsOn: Type.Optional(Nullable(IsoDate)),
    organisers: Type.Optional(Type.Array(Organiser, { maxItems: 10 })),
    organiserOther: OptionalText(300),
    participants: Type.Optional(Nullable(Count)),
    learners: Type.Optional(Type.Array(LearnerCount, { maxItems: 10 })),
    festival: Type.Optional(Nullable(FestivalInput)),
    planDocumentId: Type.Optional(Nullable(Id)),
    planText: OptionalText(500, 'Kế hoạch, chương trình thực hiện khi chưa có trong danh mục văn bản'),
    notes: OptionalText(4000),
    confirmation: Type.Optional(Confirmation),
  },
  { additionalProperties: false },
);
export type CreateActivityBody = Static<typeof CreateActivityBody>;

export const UpdateActivityBody = Type.Object(
  {
    kindId: Type.Optional(Id),
    title: Type.Optional(CreateActivityBody.properties.title),
    unitId: Type.Optional(Id),
    startsOn: Type.Optional(IsoDate),
    endsOn: CreateActivityBody.properties.endsOn,
    organisers: CreateActivityBody.properties.organisers,
    organiserOther: CreateActivityBody.properties.organiserOther,
    participants: CreateActivityBody.properties.participants,
    learners: CreateActivityBody.properties.learners,
    festival: CreateActivityBody.properties.festival,
    planDocumentId: CreateActivityBody.properties.planDocumentId,
    planText: CreateActivityBody.properties.planText,
    notes: CreateActivityBody.properties.notes,
    confirmation: CreateActivityBody.properties.confirmation,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateActivityBody = Static<typeof UpdateActivityBody>;
export const ActivityIdParams = Type.Object({ id: Id });

export const PlausibilityCheckBody = Type.Object(
  {
    kindId: Id,
    unitId: Id,
    startsOn: IsoDate,
    participants: Nullable(Count),
    activityId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type PlausibilityCheckBody = Static<typeof PlausibilityCheckBody>;
export const PlausibilityCheckResult = Type.Object({
  warnings: Type.Array(PlausibilityWarning),
  population: Nullable(Type.Object({ value: Count, year: Type.Integer() })),
  previousFigures: Type.Array(Count, {
    description: 'Các số liệu gần nhất của đơn vị với loại hoạt động này',
  }),
});
export type PlausibilityCheckResult = Static<typeof PlausibilityCheckResult>;

// ---- calendar and timeline ----------------------------------------------------------------------------------------

export const CalendarQuery = Type.Object(
  {
    unit: Type.Optional(Id),
    year: Type.Integer({ minimum: 1945, maximum: 2100 }),
    month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: 'Bỏ trống: cả năm' })),
    kind: Type.Optional(Type.Array(Id)),
  },
  { additionalProperties: false },
);
export type CalendarQuery = Static<typeof CalendarQuery>;

export const CalendarItem = Type.Object({
  id: Id,
  title: Type.String(),
  kind: Type.Object({ id: Id, code: Type.String(), name: Type.String(), trait: ActivityTrait }),
  unit: RecordUnit,
  startsOn: IsoDate,
  endsOn: Nullable(IsoDate),
  participants: Nullable(Count),
  pilot: Nullable(Type.Boolean()),
  attachmentCount: Type.Integer({ minimum: 0 }),
});
export const Calendar = Type.Object({
  from: IsoDate,
  to: IsoDate,
  items: Type.Array(CalendarItem, {
    description: 'Hoạt động diễn ra (một phần) trong khoảng, theo ngày bắt đầu; tối đa 2.000',
  }),
  truncated: Type.Boolean(),
  days: Type.Array(Type.Object({ date: IsoDate, count: Type.Integer({ minimum: 0 }) }), {
    description: 'Số hoạt động mỗi ngày có hoạt động',
  }),
  months: Type.Array(
    Type.Object({ month: Type.Integer({ minimum: 1, maximum: 12 }), count: Type.Integer({ minimum: 0 }) }),
  ),
});
export type Calendar = Static<typeof Calendar>;

export const TIMELINE_ENTRY_TYPES = ['activity', 'award', 'feedback', 'document'] as const;
export const TimelineQuery = Type.Object(
  {
    unit: Id,
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    subtree: Type.Optional(Type.Boolean({ description: 'Gồm cả các đơn vị trực thuộc (mặc định: có)' })),
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuery>;
export const TimelineEntry = Type.Object({
  date: IsoDate,
  type: StringEnum(TIMELINE_ENTRY_TYPES),
  id: Id,
  title: Type.String(),
  detail: Nullable(Type.String()),
  unit: Nullable(RecordUnit),
});
export const Timeline = Type.Object({
  from: IsoDate,
  to: IsoDate,
  items: Type.Array(TimelineEntry, {
    description: 'Mới nhất trước; mỗi loại tối đa 500 mục, chỉ loại bạn có quyền đọc',
  }),
});
export type Timeline = Static<typeof Timeline>;

// ---- population -------------------------------------------------------------------------------------------------

export const PopulationParams = Type.Object({
  unitId: Id,
  year: Type.Integer({ minimum: 1945, maximum: 2100 }),
});
export const PopulationBody = Type.Object(
  { population: Type.Integer({ minimum: 1, maximum: 200_000_000 }), source: OptionalText(300) },
  { additionalProperties: false },
);
export type PopulationBody = Static<typeof PopulationBody>;
export const PopulationList = Type.Object({
  items: Type.Array(
    Type.Object({ year: Type.Integer(), population: Type.Integer(), source: Nullable(Type.String()) }),
  ),
});
export type PopulationList = Static<typeof PopulationList>;
