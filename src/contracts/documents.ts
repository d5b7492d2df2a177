import { type Static, Type } from 'typebox';
import { DOCUMENT_KINDS, DOCUMENT_RELATIONS } from '../domain/documents.js';
import { Attachment } from './attachments.js';
import { AuditEvent } from './audit.js';
import { Id, IsoDate, ListResponse, PageQuery, StringEnum } from './common.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const DocumentKind = StringEnum(DOCUMENT_KINDS, {
  description:
    'directive: Chỉ thị; conclusion: Kết luận; resolution: Nghị quyết; decision: Quyết định; circular: Thông tư; ' +
    'plan: Kế hoạch; guidance: Hướng dẫn; official_letter: Công văn; report: Báo cáo; law: Luật; decree: Nghị định; ' +
    'programme: Chương trình phối hợp',
});
export const DocumentRelation = StringEnum(DOCUMENT_RELATIONS, {
  description: 'implements: thực hiện; replaces: thay thế; amends: sửa đổi, bổ sung',
});
const YEAR = Type.Integer({ minimum: 1945, maximum: 2100 });

export const DocumentRef = Type.Object({
  id: Id,
  kind: DocumentKind,
  kindLabel: Type.String(),
  number: Type.String({ description: 'Số, ký hiệu như trên văn bản, ví dụ "09-CT/TW"' }),
  title: Type.String(),
  issuedOn: Nullable(IsoDate),
  issuedYear: YEAR,
});
export type DocumentRef = Static<typeof DocumentRef>;

export const DocumentLink = Type.Object({
  relation: DocumentRelation,
  relationLabel: Type.String(),
  document: DocumentRef,
});

export const DocumentItem = Type.Object({
  ...DocumentRef.properties,
  ...{
    issuer: Type.String(),
    effectiveFrom: Nullable(IsoDate),
    effectiveTo: Nullable(IsoDate),
    unit: Nullable(RecordUnit),
    central: Type.Boolean({
      description: 'Văn bản của Trung ương (không gắn đơn vị): mọi người có quyền đọc đều xem',
    }),
    seeded: Type.Boolean({ description: 'Văn bản có sẵn trong hệ thống (chỉ thông tin, chưa có tệp)' }),
    links: Type.Array(DocumentLink, { description: 'Văn bản này thực hiện, thay thế, sửa đổi các văn bản' }),
    implementedByCount: Type.Integer({
      minimum: 0,
      description: 'Số văn bản (kế hoạch…) trong phạm vi thực hiện văn bản này',
    }),
    attachmentCount: Type.Integer({ minimum: 0 }),
    notes: Nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
});
export type DocumentItem = Static<typeof DocumentItem>;
export const DocumentList = ListResponse(DocumentItem);
export type DocumentList = Static<typeof DocumentList>;

export const DocumentDetail = Type.Object({
  ...DocumentItem.properties,
  ...{
    linkedFrom: Type.Array(DocumentLink, {
      description: 'Văn bản trong phạm vi thực hiện, thay thế, sửa đổi văn bản này',
    }),
    attachments: Type.Array(Attachment),
    history: Type.Array(AuditEvent),
  },
});
export type DocumentDetail = Static<typeof DocumentDetail>;

export const DOCUMENT_SORTS = [
  'issuedOn',
  '-issuedOn',
  'number',
  '-number',
  'title',
  '-title',
  'updatedAt',
  '-updatedAt',
] as const;

const documentFilters = {
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Tìm theo số, ký hiệu, cơ quan ban hành, trích yếu; không cần dấu',
    }),
  ),
  unit: Type.Optional(Id),
  kind: Type.Optional(Type.Array(DocumentKind)),
  central: Type.Optional(
    Type.Boolean({ description: 'true: chỉ văn bản Trung ương; false: chỉ văn bản của đơn vị' }),
  ),
  implements: Type.Optional(Id),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  asOf: Type.Optional(Type.String({ format: 'date', description: 'Chỉ văn bản còn hiệu lực vào ngày này' })),
  sort: Type.Optional(StringEnum(DOCUMENT_SORTS)),
};
export const DocumentListQuery = Type.Object(
  { ...documentFilters, ...PageQuery },
  { additionalProperties: false },
);
export type DocumentListQuery = Static<typeof DocumentListQuery>;
export const DocumentExportQuery = Type.Object(documentFilters, { additionalProperties: false });
export type DocumentExportQuery = Static<typeof DocumentExportQuery>;

export const DocumentLinkInput = Type.Object(
  { relation: DocumentRelation, documentId: Id },
  { additionalProperties: false },
);

export const CreateDocumentBody = Type.Object(
  {
    kind: DocumentKind,
    number: Type.String({ minLength: 1, maxLength: 120 }),
    issuer: Type.String({ minLength: 1, maxLength: 300 }),
    issuedOn: Type.Optional(Nullable(IsoDate)),
    issuedYear: Type.Optional(YEAR),
    effectiveFrom: Type.Optional(Nullable(IsoDate)),
    effectiveTo: Type.Optional(Nullable(IsoDate)),
    title: Type.String({ minLength: 1, maxLength: 1000 }),
    unitId: Type.Optional(Nullable(Id)),
    links: Type.Optional(Type.Array(DocumentLinkInput, { maxItems: 50 })),
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);
export type CreateDocumentBody = Static<typeof CreateDocumentBody>;

export const UpdateDocumentBody = Type.Object(
  {
    kind: Type.Optional(DocumentKind),
    number: Type.Optional(CreateDocumentBody.properties.number),
    issuer: Type.Optional(CreateDocumentBody.properties.issuer),
    issuedOn: CreateDocumentBody.properties.issuedOn,
    issuedYear: CreateDocumentBody.properties.issuedYear,
    effectiveFrom: CreateDocumentBody.properties.effectiveFrom,
    effectiveTo: CreateDocumentBody.properties.effectiveTo,
    title: Type.Optional(CreateDocumentBody.properties.title),
    unitId: CreateDocumentBody.properties.unitId,
    links: CreateDocumentBody.properties.links,
    notes: CreateDocumentBody.properties.notes,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDocumentBody = Static<typeof UpdateDocumentBody>;

export const DocumentIdParams = Type.Object({ id: Id });

/** "Which communes have a plan for Kết luận 44-KL/TW": the communes under a unit, each with its plans. */
export const DocumentPlansQuery = Type.Object({ unit: Type.Optional(Id) }, { additionalProperties: false });
export type DocumentPlansQuery = Static<typeof DocumentPlansQuery>;

export const DocumentPlans = Type.Object({
  document: DocumentRef,
  plans: Type.Array(Type.Object({ ...DocumentRef.properties, ...{ unit: Nullable(RecordUnit) } }), {
    description: 'Văn bản của các đơn vị trong phạm vi thực hiện văn bản này',
  }),
  communes: Type.Array(
    Type.Object({
      unit: RecordUnit,
      hasPlan: Type.Boolean(),
      planIds: Type.Array(Id),
    }),
    {
      description:
        'Các xã, phường hiện nay thuộc đơn vị xem, có hay chưa có kế hoạch (tính cả văn bản của đơn vị trực thuộc)',
    },
  ),
  withPlan: Type.Integer({ minimum: 0 }),
  withoutPlan: Type.Integer({ minimum: 0 }),
});
export type DocumentPlans = Static<typeof DocumentPlans>;
