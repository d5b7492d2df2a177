import { type Static, Type } from 'typebox';
import { Id, StringEnum } from './common.js';
import { Nullable } from './registry.js';

/** The kinds of record a file can be attached to. */
export const ATTACHMENT_ENTITY_TYPES = [
  'activity',
  'award',
  'document',
  'feedback',
  'committee_meeting',
  'recognition_record',
  'classification_record',
] as const;
export type AttachmentEntityType = (typeof ATTACHMENT_ENTITY_TYPES)[number];
export const AttachmentEntityType = StringEnum(ATTACHMENT_ENTITY_TYPES, {
  description:
    'activity: hoạt động; award: khen thưởng; document: văn bản; feedback: phản ánh; ' +
    'committee_meeting: cuộc họp Ban Chỉ đạo (biên bản, ảnh); ' +
    'recognition_record: hồ sơ tiêu chuẩn "An toàn về an ninh, trật tự" (minh chứng, biên bản họp); ' +
    'classification_record: phiếu chấm điểm phân loại phong trào (minh chứng từng mục)',
});

/** The random, unguessable id of a file in every URL (32 characters, base64url). */
export const ATTACHMENT_ID_PATTERN = '^[A-Za-z0-9_-]{32}$';
export const AttachmentId = Type.String({
  pattern: ATTACHMENT_ID_PATTERN,
  description: 'Mã tệp (ngẫu nhiên)',
});

export const Attachment = Type.Object({
  id: AttachmentId,
  entityType: AttachmentEntityType,
  entityId: Id,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ description: 'SHA-256 (hex) của tệp tải về' }),
  caption: Nullable(Type.String()),
  image: Type.Boolean({
    description: 'Ảnh (đã xóa siêu dữ liệu EXIF/GPS): xem trực tiếp được với ?inline=true',
  }),
  url: Type.String({ description: 'Đường dẫn tải tệp (chỉ người trong phạm vi của hồ sơ mới tải được)' }),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Attachment = Static<typeof Attachment>;

export const AttachmentList = Type.Object({ items: Type.Array(Attachment) });
export type AttachmentList = Static<typeof AttachmentList>;

export const AttachmentOwnerQuery = Type.Object(
  { entityType: AttachmentEntityType, entityId: Id },
  { additionalProperties: false },
);
export type AttachmentOwnerQuery = Static<typeof AttachmentOwnerQuery>;

export const AttachmentUploadQuery = Type.Object(
  {
    entityType: AttachmentEntityType,
    entityId: Id,
    caption: Type.Optional(Type.String({ maxLength: 300, description: 'Chú thích (ví dụ "Phần lễ")' })),
  },
  { additionalProperties: false },
);
export type AttachmentUploadQuery = Static<typeof AttachmentUploadQuery>;

export const AttachmentParams = Type.Object({ attachmentId: AttachmentId });
export const AttachmentDownloadQuery = Type.Object(
  { inline: Type.Optional(Type.Boolean({ description: 'Ảnh: hiển thị trong trang thay vì tải về' })) },
  { additionalProperties: false },
);

/** A file in the answer. */
export const BinaryFile = {
  description: 'Nội dung tệp',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
};
