/**
 * The public portal (no login): proof-of-work challenge, places, categories, sending and following a crime report,
 * statistics, news and legal-education posts, residents' feedback. Nothing here names an officer.
 */
import { type Static, Type } from 'typebox';
import { REPORT_STATUSES, SECRET_PATTERN, TRACKING_CODE_PATTERN } from '../domain/crime-reports.js';
import { Id, ListResponse, PageQuery, StringEnum } from './common.js';
import { Nullable } from './registry.js';
import { UnitKind } from './units.js';

export const ChallengeResponse = Type.Object({
  token: Type.String({ description: 'Thử thách đã ký; gửi lại cùng nonce tìm được' }),
  difficulty: Type.Integer({
    minimum: 0,
    description: 'Số bit 0 đầu tiên SHA-256(token:nonce) phải có; 0 = không cần giải',
  }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ChallengeResponse = Static<typeof ChallengeResponse>;

export const ChallengeSolution = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    nonce: Type.Integer({ minimum: 0, maximum: 2 ** 40 }),
  },
  { additionalProperties: false },
);

export const PublicCategory = Type.Object({ code: Type.String(), label: Type.String() });
export const PublicCategoryList = Type.Array(PublicCategory);

export const UploadLimits = Type.Object({
  maxFiles: Type.Integer({ description: 'Số tệp tối đa của một tin báo' }),
  fileMaxMegabytes: Type.Integer({ description: 'Dung lượng tối đa của ảnh, tài liệu (MB)' }),
  videoMaxMegabytes: Type.Integer({ description: 'Dung lượng tối đa của video (MB)' }),
});
export type UploadLimits = Static<typeof UploadLimits>;

export const Place = Type.Object({ code: Type.String(), name: Type.String() });
export const PlaceList = Type.Array(Place);
export const ProvinceParams = Type.Object({ province: Type.String({ pattern: '^[0-9]{2}$' }) });

const TrackingCode = Type.String({
  pattern: TRACKING_CODE_PATTERN,
  description: 'Mã theo dõi, ví dụ 7KQ2M-9XW4D',
});

export const ReportContact = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 150 })),
    phone: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9+][0-9 .()-]{5,19}$' })),
    email: Type.Optional(Type.String({ maxLength: 200, format: 'email' })),
  },
  { additionalProperties: false },
);

export const CreatePublicReportBody = Type.Object(
  {
    category: Type.String({ minLength: 1, maxLength: 40 }),
    description: Type.String({ minLength: 10, maxLength: 10_000, description: 'Sự việc đã xảy ra' }),
    occurredAt: Type.Optional(
      Type.String({ maxLength: 40, description: 'Thời điểm xảy ra: YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm' }),
    ),
    communeCode: Type.String({ pattern: '^[0-9]{5}$', description: 'Mã xã, phường, đặc khu hiện hành' }),
    place: Type.Optional(Type.String({ maxLength: 1000, description: 'Địa điểm cụ thể' })),
    lat: Type.Optional(Type.Number({ minimum: 8, maximum: 24 })),
    lng: Type.Optional(Type.Number({ minimum: 102, maximum: 118 })),
    involved: Type.Optional(Type.String({ maxLength: 4000, description: 'Người, phương tiện liên quan' })),
    contact: Type.Optional(ReportContact),
    consentContact: Type.Optional(
      Type.Boolean({ description: 'Đồng ý để cơ quan công an liên hệ lại qua thông tin đã cung cấp' }),
    ),
    challenge: Type.Optional(ChallengeSolution),
  },
  { additionalProperties: false },
);
export type CreatePublicReportBody = Static<typeof CreatePublicReportBody>;

export const CreatedReport = Type.Object({
  code: Type.String({ description: 'Mã theo dõi' }),
  secret: Type.String({ description: 'Mã bí mật: chỉ hiện một lần, không lưu trên máy chủ' }),
});
export type CreatedReport = Static<typeof CreatedReport>;

export const TrackingParams = Type.Object({ code: TrackingCode });
export const SecretHeaders = Type.Object({
  'x-report-secret': Type.String({ pattern: SECRET_PATTERN, description: 'Mã bí mật nhận khi gửi' }),
});

export const PublicMessage = Type.Object({
  id: Id,
  from: StringEnum(['reporter', 'officer'] as const, {
    description: 'reporter: người gửi; officer: cơ quan tiếp nhận (không nêu tên cán bộ)',
  }),
  body: Type.String(),
  at: Type.String({ format: 'date-time' }),
});

export const PublicReportView = Type.Object({
  code: Type.String(),
  category: Type.String(),
  status: StringEnum(REPORT_STATUSES),
  statusLabel: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  receivingUnit: Type.String({ description: 'Đơn vị đang giải quyết (Công an xã, phường hoặc tỉnh)' }),
  messages: Type.Array(PublicMessage),
  files: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      size: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type PublicReportView = Static<typeof PublicReportView>;

export const PublicMessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

// ---- statistics -------------------------------------------------------------------------------------------------

export const StatisticsQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2020, maximum: 2100 }),
    province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuery>;

export const StatisticsCell = Type.Object({
  provinceCode: Type.String(),
  provinceName: Type.String(),
  category: Type.String(),
  categoryLabel: Type.String(),
  month: Type.Integer({ minimum: 1, maximum: 12 }),
  count: Nullable(Type.Integer({ description: 'null khi dưới ngưỡng công bố (bị ẩn)' })),
  suppressed: Type.Boolean(),
});
export const StatisticsResponse = Type.Object({
  year: Type.Integer(),
  threshold: Type.Integer({ description: 'Số dưới ngưỡng này không được công bố' }),
  cells: Type.Array(StatisticsCell),
});
export type StatisticsResponse = Static<typeof StatisticsResponse>;

// ---- posts --------------------------------------------------------------------------------------------------------

export const POST_KINDS = ['news', 'legal_education'] as const;
export const PostKind = StringEnum(POST_KINDS, { description: 'news: tin tức; legal_education: pháp luật' });
export const POST_STATUSES = ['draft', 'published'] as const;

export const PublicPostItem = Type.Object({
  id: Id,
  kind: PostKind,
  title: Type.String(),
  summary: Nullable(Type.String()),
  unitName: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
});
export const PublicPostList = ListResponse(PublicPostItem);
export const PublicPost = Type.Object({ ...PublicPostItem.properties, body: Type.String() });
export type PublicPost = Static<typeof PublicPost>;
export const PublicPostQuery = Type.Object(
  {
    kind: Type.Optional(PostKind),
    province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const PostItem = Type.Object({
  ...PublicPostItem.properties,
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  status: StringEnum(POST_STATUSES),
  unitId: Id,
  unitCode: Type.String(),
  unitKind: UnitKind,
  body: Type.String(),
  authorName: Nullable(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type PostItem = Static<typeof PostItem>;
export const PostList = ListResponse(PostItem);
export const PostQuery = Type.Object(
  { status: Type.Optional(StringEnum(POST_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);
export const PostBody = Type.Object(
  {
    kind: PostKind,
    title: Type.String({ minLength: 3, maxLength: 200 }),
    summary: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    body: Type.String({
      minLength: 1,
      maxLength: 50_000,
      description: 'Văn bản thuần, cho phép Markdown đơn giản',
    }),
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type PostBody = Static<typeof PostBody>;
export const PostIdParams = Type.Object({ id: Id });

// ---- residents' feedback ---------------------------------------------------------------------------------------------

export const FEEDBACK_TOPICS = [
  'security_order',
  'social_evils',
  'traffic',
  'environment',
  'administration',
  'other',
] as const;
export const FEEDBACK_TOPIC_LABELS: Record<(typeof FEEDBACK_TOPICS)[number], string> = {
  security_order: 'An ninh, trật tự',
  social_evils: 'Tệ nạn xã hội',
  traffic: 'Giao thông',
  environment: 'Môi trường, vệ sinh',
  administration: 'Thủ tục, thái độ phục vụ',
  other: 'Khác',
};
export const FeedbackBody = Type.Object(
  {
    topic: StringEnum(FEEDBACK_TOPICS),
    body: Type.String({ minLength: 10, maxLength: 5000 }),
    communeCode: Type.String({ pattern: '^[0-9]{5}$' }),
    contact: Type.Optional(ReportContact),
    challenge: Type.Optional(ChallengeSolution),
  },
  { additionalProperties: false },
);
export type FeedbackBody = Static<typeof FeedbackBody>;
export const FeedbackAccepted = Type.Object({
  received: Type.Boolean(),
  receivedAt: Type.String({ format: 'date-time' }),
});

export const FeedbackItem = Type.Object({
  id: Id,
  topic: StringEnum(FEEDBACK_TOPICS),
  topicLabel: Type.String(),
  body: Type.String(),
  contact: Nullable(ReportContact),
  unitName: Type.String(),
  status: StringEnum(['new', 'handled'] as const),
  response: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type FeedbackItem = Static<typeof FeedbackItem>;
export const FeedbackList = ListResponse(FeedbackItem);
export const FeedbackQuery = Type.Object(
  { status: Type.Optional(StringEnum(['new', 'handled'] as const)), ...PageQuery },
  { additionalProperties: false },
);
export const FeedbackHandleBody = Type.Object(
  { response: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
