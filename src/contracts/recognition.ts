import { type Static, Type } from 'typebox';
import {
  APPROVING_LEVELS,
  COMPUTED_RULES,
  CRITERION_KINDS,
  RECORD_STATUSES,
  STANDARD_TARGETS,
} from '../domain/recognition.js';
import { ATTACHMENT_ID_PATTERN, Attachment } from './attachments.js';
import { AuditEvent } from './audit.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { HierarchyBasis, Nullable, OptionalText, RecordUnit, SummaryResponse } from './registry.js';

export const StandardTarget = StringEnum(STANDARD_TARGETS, {
  description: 'residential_area: khu dân cư; commune: xã; agency_enterprise: cơ quan, doanh nghiệp; school',
});
export const CriterionKind = StringEnum(CRITERION_KINDS, {
  description:
    'yes_no: đạt/không; number_threshold: số liệu so với ngưỡng; no_events: không để xảy ra các vụ việc; computed: tính từ dữ liệu',
});
export const RecordStatus = StringEnum(RECORD_STATUSES, {
  description: 'registered, submitted, returned, recognised, not_recognised',
});
export const ApprovingLevel = StringEnum(APPROVING_LEVELS, { description: 'Cấp xét công nhận' });
export const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'Năm đánh giá' });

export const Threshold = Type.Object(
  {
    comparator: StringEnum(['at_least', 'at_most'] as const),
    value: Type.Number({ minimum: 0 }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    unit: Type.String({ maxLength: 20 }),
  },
  { additionalProperties: false },
);

// ---- criteria sets -------------------------------------------------------------------------------------------

export const Criterion = Type.Object({
  id: Id,
  position: Type.Integer(),
  code: Type.String(),
  text: Type.String(),
  kind: CriterionKind,
  threshold: Nullable(Threshold),
  events: Nullable(Type.Array(Type.String())),
  computedRule: Nullable(StringEnum(COMPUTED_RULES)),
  evidenceRequired: Type.Boolean(),
  addedByProvince: Nullable(Type.String({ description: 'Mã tỉnh đã bổ sung tiêu chí này' })),
});
export type Criterion = Static<typeof Criterion>;

export const CriteriaSetItem = Type.Object({
  id: Id,
  code: Type.String(),
  version: Type.Integer(),
  target: StandardTarget,
  targetLabel: Type.String(),
  legalBasis: Type.String(),
  title: Type.String(),
  provinceCode: Nullable(Type.String()),
  baseSetId: Nullable(Id),
  fromYear: Type.Integer(),
  toYear: Nullable(Type.Integer()),
  status: StringEnum(['draft', 'active', 'retired'] as const),
  frozen: Type.Boolean({ description: 'Đã có kết quả đánh giá theo phiên bản này: không sửa được' }),
  note: Nullable(Type.String()),
  criteriaCount: Type.Integer(),
});
export type CriteriaSetItem = Static<typeof CriteriaSetItem>;
export const CriteriaSetList = ListResponse(CriteriaSetItem);
export type CriteriaSetList = Static<typeof CriteriaSetList>;

export const CriteriaSetDetail = Type.Object({
  ...CriteriaSetItem.properties,
  ...{ criteria: Type.Array(Criterion), history: Type.Array(AuditEvent) },
});
export type CriteriaSetDetail = Static<typeof CriteriaSetDetail>;

export const CriteriaSetQuery = Type.Object(
  {
    target: Type.Optional(StandardTarget),
    status: Type.Optional(StringEnum(['draft', 'active', 'retired'] as const)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CriteriaSetQuery = Static<typeof CriteriaSetQuery>;

export const NewDraftBody = Type.Object(
  {
    forProvince: Type.Optional(
      Type.Boolean({ description: 'true: bản của tỉnh mình (bổ sung tiêu chí riêng), false: phiên bản mới' }),
    ),
  },
  { additionalProperties: false },
);
export type NewDraftBody = Static<typeof NewDraftBody>;

export const UpdateSetBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 5, maxLength: 300 })),
    fromYear: Type.Optional(Year),
    toYear: Type.Optional(Nullable(Year)),
    note: OptionalText(2000),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSetBody = Static<typeof UpdateSetBody>;

export const CriterionBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20 }),
    text: Type.String({ minLength: 1, maxLength: 2000 }),
    kind: CriterionKind,
    threshold: Type.Optional(Nullable(Threshold)),
    events: Type.Optional(
      Nullable(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 30 })),
    ),
    computedRule: Type.Optional(Nullable(StringEnum(COMPUTED_RULES))),
    evidenceRequired: Type.Boolean(),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
  },
  { additionalProperties: false },
);
export type CriterionBody = Static<typeof CriterionBody>;

export const SetParams = Type.Object({ id: Id });
export const CriterionParams = Type.Object({ id: Id, criterionId: Id });

// ---- cycles ----------------------------------------------------------------------------------------------------

export const CycleSettings = Type.Object(
  {
    windowFrom: IsoDate,
    windowTo: IsoDate,
    registrationDeadline: IsoDate,
    decisionDeadline: IsoDate,
    classificationDeadline: IsoDate,
    approvingLevel: ApprovingLevel,
  },
  { additionalProperties: false },
);
export type CycleSettings = Static<typeof CycleSettings>;

export const CycleItem = Type.Object({
  target: StandardTarget,
  targetLabel: Type.String(),
  year: Type.Integer(),
  provinceCode: Type.String(),
  custom: Type.Boolean({ description: 'false: theo mặc định của thông tư' }),
  settings: CycleSettings,
});
export type CycleItem = Static<typeof CycleItem>;
export const CycleList = Type.Object({ items: Type.Array(CycleItem) });
export type CycleList = Static<typeof CycleList>;
export const CycleQuery = Type.Object(
  { year: Year, province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) },
  { additionalProperties: false },
);
export type CycleQuery = Static<typeof CycleQuery>;
export const CycleParams = Type.Object({ year: Year, target: StandardTarget });
export const CycleBody = Type.Object(
  {
    ...CycleSettings.properties,
    provinceCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Chỉ cấp toàn quốc' })),
  },
  { additionalProperties: false },
);
export type CycleBody = Static<typeof CycleBody>;

// ---- records ---------------------------------------------------------------------------------------------------

export const RegistrationFields = {
  registeredOn: IsoDate,
  resolutionRef: OptionalText(300, 'Nghị quyết (số, ngày)'),
  planRef: OptionalText(300, 'Kế hoạch (số, ngày)'),
  registrationFormRef: OptionalText(300, 'Bản đăng ký (số, ngày)'),
  householdsTotal: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
  householdsRegistered: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
};

export const RegisterBody = Type.Object(
  { unitId: Id, year: Year, ...RegistrationFields },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const UpdateRegistrationBody = Type.Object(
  {
    registeredOn: Type.Optional(IsoDate),
    resolutionRef: RegistrationFields.resolutionRef,
    planRef: RegistrationFields.planRef,
    registrationFormRef: RegistrationFields.registrationFormRef,
    householdsTotal: RegistrationFields.householdsTotal,
    householdsRegistered: RegistrationFields.householdsRegistered,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegistrationBody = Static<typeof UpdateRegistrationBody>;

export const AnswerBody = Type.Object(
  {
    criterionId: Id,
    met: Type.Optional(Nullable(Type.Boolean())),
    value: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1000000 }))),
    occurredEvents: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 29 }), { maxItems: 30 })),
    note: OptionalText(2000),
  },
  { additionalProperties: false },
);
export const AnswersBody = Type.Object(
  { answers: Type.Array(AnswerBody, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export type AnswersBody = Static<typeof AnswersBody>;

export const MeetingBody = Type.Object(
  {
    meetingDate: IsoDate,
    meetingChair: Type.String({ minLength: 2, maxLength: 150 }),
    meetingAttendees: Type.Integer({ minimum: 1, maximum: 100000 }),
    meetingMinutes: Type.Optional(
      Nullable(
        Type.String({
          minLength: 10,
          maxLength: 10000,
          description: 'Nội dung, kết luận (hoặc tải bản chụp biên bản: minutesAttachmentId)',
        }),
      ),
    ),
    minutesAttachmentId: Type.Optional(
      Nullable(
        Type.String({
          pattern: ATTACHMENT_ID_PATTERN,
          description: 'Bản chụp biên bản đã ký: mã tệp đã đính kèm vào hồ sơ (POST /api/attachments)',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
export type MeetingBody = Static<typeof MeetingBody>;

export const EvidenceKind = StringEnum(['document', 'team', 'model', 'attachment'] as const, {
  description:
    'document: văn bản mô tả; team: tổ, đội (sổ đăng ký); model: mô hình; attachment: tệp đính kèm (mã của mô-đun đính kèm)',
});
export const EvidenceBody = Type.Object(
  {
    criterionId: Type.Optional(Nullable(Id)),
    kind: EvidenceKind,
    teamId: Type.Optional(Nullable(Id)),
    modelId: Type.Optional(Nullable(Id)),
    attachmentId: Type.Optional(
      Nullable(
        Type.String({
          pattern: ATTACHMENT_ID_PATTERN,
          description:
            'Tệp minh chứng: mã tệp đã đính kèm vào hồ sơ (POST /api/attachments?entityType=recognition_record)',
        }),
      ),
    ),
    description: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type EvidenceBody = Static<typeof EvidenceBody>;

export const Evidence = Type.Object({
  id: Id,
  criterionId: Nullable(Id),
  kind: EvidenceKind,
  teamId: Nullable(Id),
  modelId: Nullable(Id),
  attachment: Nullable(Attachment),
  description: Type.String(),
  linkedName: Nullable(Type.String({ description: 'Tên tổ hoặc mô hình được liên kết' })),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ReturnBody = Type.Object(
  {
    comment: OptionalText(2000, 'Ý kiến chung'),
    criteria: Type.Array(
      Type.Object(
        { criterionId: Id, comment: Type.String({ minLength: 3, maxLength: 2000 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type ReturnBody = Static<typeof ReturnBody>;

export const DecideBody = Type.Object(
  {
    outcome: StringEnum(['recognised', 'not_recognised'] as const),
    comment: OptionalText(2000),
    decisionNumber: Type.String({
      minLength: 1,
      maxLength: 50,
      description: 'Số quyết định, ví dụ 125/QĐ-UBND',
    }),
    decisionDate: IsoDate,
    decisionSigner: Type.String({ minLength: 2, maxLength: 150 }),
    decisionSignerTitle: Type.Optional(Type.String({ maxLength: 100, description: 'Ví dụ: CHỦ TỊCH' })),
    issuingBody: Type.Optional(
      Type.String({ maxLength: 200, description: 'Ví dụ: ỦY BAN NHÂN DÂN XÃ HÒA VANG' }),
    ),
  },
  { additionalProperties: false },
);
export type DecideBody = Static<typeof DecideBody>;

export const ReopenBody = Type.Object(
  { reason: Type.String({ minLength: 10, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type ReopenBody = Static<typeof ReopenBody>;

export const RecordParams = Type.Object({ id: Id });
export const EvidenceParams = Type.Object({ id: Id, evidenceId: Id });

export const AnswerView = Type.Object({
  criterionId: Id,
  met: Nullable(Type.Boolean()),
  value: Nullable(Type.Number()),
  occurredEvents: Type.Array(Type.Integer()),
  note: Nullable(Type.String()),
  reviewerComment: Nullable(Type.String()),
  returned: Type.Boolean(),
  state: StringEnum(['met', 'not_met', 'unanswered'] as const),
  computedLabel: Nullable(Type.String({ description: 'Với tiêu chí tính từ dữ liệu, ví dụ "18/25 = 72%"' })),
});
export type AnswerView = Static<typeof AnswerView>;

export const ChildrenView = Type.Object({
  total: Type.Integer(),
  registered: Type.Integer(),
  recognised: Type.Integer(),
  pending: Type.Integer(),
  label: Type.String({ description: '"18/25 = 72%"' }),
  registeredLabel: Type.String(),
  met: Type.Boolean(),
  blocking: Type.Boolean({ description: 'Còn đơn vị chưa được xét: chưa thể công nhận xã' }),
});

export const RecordItem = Type.Object({
  id: Id,
  unit: RecordUnit,
  year: Type.Integer(),
  target: StandardTarget,
  status: RecordStatus,
  statusLabel: Type.String(),
  registeredOn: IsoDate,
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  decisionNumber: Nullable(Type.String()),
  decisionDate: Nullable(IsoDate),
  setId: Id,
  setLabel: Type.String({ description: 'Căn cứ và phiên bản bộ tiêu chí' }),
});
export type RecordItem = Static<typeof RecordItem>;

export const RecordDetail = Type.Object({
  ...RecordItem.properties,
  ...{
    resolutionRef: Nullable(Type.String()),
    planRef: Nullable(Type.String()),
    registrationFormRef: Nullable(Type.String()),
    householdsTotal: Nullable(Type.Integer()),
    householdsRegistered: Nullable(Type.Integer()),
    meetingDate: Nullable(IsoDate),
    meetingChair: Nullable(Type.String()),
    meetingAttendees: Nullable(Type.Integer()),
    meetingMinutes: Nullable(Type.String()),
    minutesFile: Nullable(Attachment),
    attachments: Type.Array(Attachment, {
      description: 'Mọi tệp của hồ sơ: bản chụp nghị quyết, kế hoạch, bản đăng ký, biên bản, tệp minh chứng',
    }),
    reviewComment: Nullable(Type.String()),
    decisionSigner: Nullable(Type.String()),
    decisionSignerTitle: Nullable(Type.String()),
    issuingBody: Nullable(Type.String()),
    reopenReason: Nullable(Type.String()),
    criteriaSet: CriteriaSetItem,
    criteria: Type.Array(Criterion),
    answers: Type.Array(AnswerView),
    evidence: Type.Array(Evidence),
    children: Nullable(ChildrenView),
    judgement: Type.Object({
      eligible: Type.Boolean(),
      disqualified: Type.Boolean(),
      unanswered: Type.Array(Type.String()),
      notMet: Type.Array(Type.String()),
    }),
    cycle: CycleSettings,
    overdue: Nullable(Type.Object({ kind: Type.String(), label: Type.String(), deadline: IsoDate })),
    can: Type.Object({
      edit: Type.Boolean(),
      submit: Type.Boolean(),
      review: Type.Boolean(),
      decide: Type.Boolean(),
      reopen: Type.Boolean(),
      certificate: Type.Boolean(),
    }),
    history: Type.Array(AuditEvent),
  },
});
export type RecordDetail = Static<typeof RecordDetail>;

export const UnitState = StringEnum(['not_registered', ...RECORD_STATUSES, 'pending', 'overdue'] as const, {
  description: 'Lọc theo tình trạng; pending = chưa có quyết định; overdue = quá hạn',
});
export const UnitStatusQuery = Type.Object(
  {
    unit: Type.Optional(Id),
    year: Year,
    state: Type.Optional(UnitState),
    target: Type.Optional(StandardTarget),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UnitStatusQuery = Static<typeof UnitStatusQuery>;

export const UnitStatusItem = Type.Object({
  unit: RecordUnit,
  target: StandardTarget,
  recordId: Nullable(Id),
  status: Nullable(RecordStatus),
  statusLabel: Type.String(),
  overdue: Nullable(Type.Object({ kind: Type.String(), label: Type.String(), deadline: IsoDate })),
  classificationLevel: Nullable(Type.String()),
});
export type UnitStatusItem = Static<typeof UnitStatusItem>;
export const UnitStatusList = ListResponse(UnitStatusItem);
export type UnitStatusList = Static<typeof UnitStatusList>;

// ---- dashboard ---------------------------------------------------------------------------------------------------

export const DashboardQuery = Type.Object(
  { unit: Type.Optional(Id), year: Year, basis: Type.Optional(HierarchyBasis) },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuery>;

export const DashboardResponse = Type.Object({
  year: Type.Integer(),
  summary: SummaryResponse,
  shares: Type.Record(Type.String(), Type.Object({ share: Type.Number(), label: Type.String() }), {
    description: 'Theo khóa dòng: tỷ lệ được công nhận trên số đơn vị',
  }),
  totalShare: Type.Object({ share: Type.Number(), label: Type.String() }),
});
export type DashboardResponse = Static<typeof DashboardResponse>;

export const DocxFile = {
  description: 'Tệp Word (.docx)',
  content: {
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      schema: { type: 'string', format: 'binary' },
    },
  },
};
