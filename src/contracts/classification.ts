import { type Static, Type } from 'typebox';
import { CLASSIFICATION_STATUSES, LEVEL_CODES } from '../domain/classification.js';
import { ATTACHMENT_ID_PATTERN, Attachment } from './attachments.js';
import { AuditEvent } from './audit.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { StandardTarget, Year } from './recognition.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const LevelCode = StringEnum(LEVEL_CODES, {
  description: 'excellent: Xuất sắc; good: Khá; average: Trung bình; weak: Yếu',
});
export const ClassificationStatus = StringEnum(CLASSIFICATION_STATUSES, {
  description: 'draft: đang chấm; submitted: chờ duyệt; returned: bị trả lại; approved: đã duyệt',
});

export const SheetItem = Type.Object({
  id: Id,
  position: Type.Integer(),
  code: Type.String(),
  text: Type.String(),
  maxPoints: Type.Number(),
});
export const Sheet = Type.Object({
  id: Id,
  code: Type.String(),
  version: Type.Integer(),
  target: StandardTarget,
  targetLabel: Type.String(),
  legalBasis: Type.String(),
  title: Type.String(),
  provinceCode: Nullable(Type.String()),
  fromYear: Type.Integer(),
  toYear: Nullable(Type.Integer()),
  status: Type.String(),
  frozen: Type.Boolean(),
  totalPoints: Type.Number(),
  items: Type.Array(SheetItem),
});
export type Sheet = Static<typeof Sheet>;
export const SheetList = Type.Object({ items: Type.Array(Sheet) });
export const SheetParams = Type.Object({ id: Id });
export const SheetDraftBody = Type.Object(
  {
    forProvince: Type.Optional(
      Type.Boolean({
        description: 'true: bản của tỉnh mình; không gửi hoặc false: phiên bản mới (toàn quốc)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SheetDraftBody = Static<typeof SheetDraftBody>;
export const SheetItemsBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          code: Type.String({ minLength: 1, maxLength: 20 }),
          text: Type.String({ minLength: 3, maxLength: 1000 }),
          maxPoints: Type.Number({ exclusiveMinimum: 0, maximum: 100, multipleOf: 0.5 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type SheetItemsBody = Static<typeof SheetItemsBody>;
export type SheetList = Static<typeof SheetList>;

export const Level = Type.Object(
  {
    code: LevelCode,
    label: Type.String({ minLength: 1, maxLength: 50 }),
    minPoints: Type.Number({ minimum: 0, maximum: 100 }),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const LevelsResponse = Type.Object({
  provinceCode: Nullable(Type.String()),
  custom: Type.Boolean({ description: 'false: theo mặc định toàn quốc' }),
  levels: Type.Array(Level),
});
export type LevelsResponse = Static<typeof LevelsResponse>;
export const LevelsBody = Type.Object(
  { levels: Type.Array(Level, { minItems: 2, maxItems: 4 }) },
  { additionalProperties: false },
);
export type LevelsBody = Static<typeof LevelsBody>;

export const CreateClassificationBody = Type.Object(
  { unitId: Id, year: Year },
  { additionalProperties: false },
);
export type CreateClassificationBody = Static<typeof CreateClassificationBody>;

export const ScoreBody = Type.Object(
  {
    itemId: Id,
    points: Type.Number({ minimum: 0, maximum: 100 }),
    evidence: OptionalText(1000, 'Minh chứng (văn bản, số liệu)'),
    teamId: Type.Optional(Nullable(Id)),
    modelId: Type.Optional(Nullable(Id)),
    attachmentId: Type.Optional(
      Nullable(
        Type.String({
          pattern: ATTACHMENT_ID_PATTERN,
          description:
            'Tệp minh chứng: mã tệp đã đính kèm vào phiếu (POST /api/attachments?entityType=classification_record); không gửi: giữ tệp cũ, null: bỏ',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
export const ScoresBody = Type.Object(
  { scores: Type.Array(ScoreBody, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export type ScoresBody = Static<typeof ScoresBody>;

export const ClassificationReturnBody = Type.Object(
  { comment: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type ClassificationReturnBody = Static<typeof ClassificationReturnBody>;
export const ApproveBody = Type.Object(
  { level: Type.Optional(LevelCode), comment: OptionalText(2000) },
  { additionalProperties: false },
);
export type ApproveBody = Static<typeof ApproveBody>;

export const ClassificationItem = Type.Object({
  id: Id,
  unit: RecordUnit,
  year: Type.Integer(),
  target: StandardTarget,
  status: ClassificationStatus,
  statusLabel: Type.String(),
  totalPoints: Type.Number(),
  proposedLevel: Nullable(LevelCode),
  approvedLevel: Nullable(LevelCode),
  levelLabel: Nullable(Type.String({ description: 'Mức đã duyệt, hoặc mức đề xuất' })),
  deadline: IsoDate,
  overdue: Type.Boolean(),
});
export type ClassificationItem = Static<typeof ClassificationItem>;
export const ClassificationList = ListResponse(ClassificationItem);
export type ClassificationList = Static<typeof ClassificationList>;

export const ClassificationDetail = Type.Object({
  ...ClassificationItem.properties,
  ...{
    sheet: Sheet,
    scores: Type.Array(
      Type.Object({
        itemId: Id,
        points: Type.Number(),
        evidence: Nullable(Type.String()),
        teamId: Nullable(Id),
        modelId: Nullable(Id),
        attachment: Nullable(Attachment),
      }),
    ),
    attachments: Type.Array(Attachment, { description: 'Mọi tệp của phiếu' }),
    levels: Type.Array(Level),
    reviewComment: Nullable(Type.String()),
    can: Type.Object({ edit: Type.Boolean(), review: Type.Boolean(), reopen: Type.Boolean() }),
    history: Type.Array(AuditEvent),
  },
});
export type ClassificationDetail = Static<typeof ClassificationDetail>;

export const ClassificationListQuery = Type.Object(
  {
    unit: Type.Optional(Id),
    year: Year,
    status: Type.Optional(ClassificationStatus),
    level: Type.Optional(LevelCode),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ClassificationListQuery = Static<typeof ClassificationListQuery>;
export const LevelsQuery = Type.Object(
  { province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) },
  { additionalProperties: false },
);
