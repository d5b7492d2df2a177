import { type Static, Type } from 'typebox';
import { CONTACT_PURPOSES, FEEDBACK_CHANNELS, FEEDBACK_STATUSES } from '../domain/feedback.js';
import { Attachment } from './attachments.js';
import { AuditEvent } from './audit.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const FeedbackStatus = StringEnum(FEEDBACK_STATUSES, {
  description: 'open: chưa trả lời; answered: đã trả lời; forwarded: đã chuyển cơ quan có thẩm quyền',
});
export const FeedbackChannel = StringEnum(FEEDBACK_CHANNELS, {
  description: 'hearing: tại hội nghị lắng nghe ý kiến Nhân dân; officer: cán bộ ghi nhận; other',
});
export const ContactPurpose = StringEnum(CONTACT_PURPOSES, {
  description: 'reply: để trả lời kết quả; clarify: để liên hệ làm rõ nội dung',
});

export const FeedbackItem = Type.Object({
  id: Id,
  unit: RecordUnit,
  receivedOn: IsoDate,
  channel: FeedbackChannel,
  channelLabel: Type.String(),
  activity: Nullable(Type.Object({ id: Id, title: Type.String() })),
  topic: Type.String(),
  content: Nullable(Type.String()),
  status: FeedbackStatus,
  statusLabel: Type.String(),
  answeredBy: Nullable(Type.String()),
  answer: Nullable(Type.String()),
  answeredOn: Nullable(IsoDate),
  forwardedTo: Nullable(Type.String()),
  forwardedOn: Nullable(IsoDate),
  hasContact: Type.Boolean({
    description: 'Có họ tên, số điện thoại người phản ánh (chỉ xem ở trang chi tiết)',
  }),
  contactPurpose: Nullable(ContactPurpose),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type FeedbackItem = Static<typeof FeedbackItem>;
export const FeedbackList = ListResponse(FeedbackItem);
export type FeedbackList = Static<typeof FeedbackList>;

export const FeedbackDetail = Type.Object({
  ...FeedbackItem.properties,
  ...{
    contact: Nullable(
      Type.Object(
        { name: Nullable(Type.String()), phone: Nullable(Type.String()), purposeLabel: Type.String() },
        { description: 'Chỉ người có quyền ghi phản ánh mới xem; mỗi lần xem được ghi nhật ký' },
      ),
    ),
    attachments: Type.Array(Attachment),
    history: Type.Array(AuditEvent),
  },
});
export type FeedbackDetail = Static<typeof FeedbackDetail>;

export const FEEDBACK_SORTS = [
  'receivedOn',
  '-receivedOn',
  'topic',
  '-topic',
  'updatedAt',
  '-updatedAt',
] as const;
const feedbackFilters = {
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Tìm theo chủ đề, nội dung; không cần dấu' })),
  unit: Type.Optional(Id),
  status: Type.Optional(Type.Array(FeedbackStatus)),
  channel: Type.Optional(FeedbackChannel),
  activity: Type.Optional(Id),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  asOf: Type.Optional(Type.String({ format: 'date', description: 'Chỉ ý kiến tiếp nhận đến ngày này' })),
  sort: Type.Optional(StringEnum(FEEDBACK_SORTS)),
};
export const FeedbackListQuery = Type.Object(
  { ...feedbackFilters, ...PageQuery },
  { additionalProperties: false },
);
export type FeedbackListQuery = Static<typeof FeedbackListQuery>;
export const FeedbackExportQuery = Type.Object(feedbackFilters, { additionalProperties: false });
export type FeedbackExportQuery = Static<typeof FeedbackExportQuery>;

export const FeedbackContactInput = Type.Object(
  {
    name: OptionalText(200),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: '^[0-9 +().-]{6,20}$' }))),
    purpose: ContactPurpose,
  },
  {
    additionalProperties: false,
    description: 'Không bắt buộc; chỉ ghi khi người phản ánh đồng ý, với mục đích nêu rõ',
  },
);

export const CreateFeedbackBody = Type.Object(
  {
    unitId: Id,
    receivedOn: IsoDate,
    channel: FeedbackChannel,
    activityId: Type.Optional(Nullable(Id)),
    topic: Type.String({ minLength: 1, maxLength: 300 }),
    content: OptionalText(4000),
    contact: Type.Optional(Nullable(FeedbackContactInput)),
  },
  { additionalProperties: false },
);
export type CreateFeedbackBody = Static<typeof CreateFeedbackBody>;

export const UpdateFeedbackBody = Type.Object(
  {
    topic: Type.Optional(CreateFeedbackBody.properties.topic),
    content: CreateFeedbackBody.properties.content,
    receivedOn: Type.Optional(IsoDate),
    channel: Type.Optional(FeedbackChannel),
    activityId: CreateFeedbackBody.properties.activityId,
    contact: CreateFeedbackBody.properties.contact,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFeedbackBody = Static<typeof UpdateFeedbackBody>;

export const FeedbackIdParams = Type.Object({ id: Id });
export const AnswerFeedbackBody = Type.Object(
  {
    answeredBy: Type.String({ minLength: 1, maxLength: 300, description: 'Người, cơ quan trả lời' }),
    answer: Type.String({ minLength: 1, maxLength: 4000 }),
    answeredOn: IsoDate,
  },
  { additionalProperties: false },
);
export type AnswerFeedbackBody = Static<typeof AnswerFeedbackBody>;
export const ForwardFeedbackBody = Type.Object(
  { forwardedTo: Type.String({ minLength: 1, maxLength: 300 }), forwardedOn: IsoDate },
  { additionalProperties: false },
);
export type ForwardFeedbackBody = Static<typeof ForwardFeedbackBody>;
