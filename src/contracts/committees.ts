/** Steering committees (a team kind of the teams registry): their meetings and the conclusions they assign. */
import { type Static, Type } from 'typebox';
import { Attachment } from './attachments.js';
import { Id, IsoDate } from './common.js';
import { StateCounts, TaskBody, TaskItem } from './programmes.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const CommitteeItem = Type.Object({
  id: Id,
  name: Type.String(),
  unit: RecordUnit,
  establishedOn: IsoDate,
  decisionNumber: Nullable(Type.String()),
  decisionDate: Nullable(IsoDate),
  dissolvedOn: Nullable(IsoDate),
  memberCount: Type.Integer({ minimum: 0 }),
  leaderName: Nullable(Type.String()),
  meetingCount: Type.Integer({ minimum: 0 }),
  lastMeetingOn: Nullable(IsoDate),
  conclusions: StateCounts,
});
export type CommitteeItem = Static<typeof CommitteeItem>;
export const CommitteeList = Type.Object({ items: Type.Array(CommitteeItem) });
export type CommitteeList = Static<typeof CommitteeList>;

export const CommitteeMember = Type.Object({
  id: Id,
  fullName: Type.String(),
  roleLabel: Type.String({
    description: 'Vai trò trong Ban Chỉ đạo (Trưởng ban, Phó Trưởng ban, thành viên)',
  }),
  position: Nullable(Type.String({ description: 'Chức vụ' })),
  organisation: Nullable(Type.String({ description: 'Cơ quan, tổ chức công tác' })),
  joinedOn: IsoDate,
});

export const MeetingItem = Type.Object({
  id: Id,
  committeeId: Id,
  heldOn: IsoDate,
  title: Type.String(),
  agenda: Type.String(),
  chairedBy: Nullable(Type.String()),
  minutes: Nullable(
    Type.String({ description: 'Tóm tắt biên bản (văn bản); bản biên bản đã ký, ảnh: tệp đính kèm' }),
  ),
  cancelledOn: Nullable(IsoDate),
  cancelReason: Nullable(Type.String()),
  attachments: Type.Array(Attachment, {
    description: 'Biên bản đã ký (bản chụp), ảnh cuộc họp: tải qua /api/attachments',
  }),
  conclusions: Type.Array(TaskItem),
  canEdit: Type.Boolean({ description: 'Người xem được sửa, hủy cuộc họp, đính kèm tệp' }),
});
export type MeetingItem = Static<typeof MeetingItem>;

export const CommitteeDetail = Type.Object({
  ...CommitteeItem.properties,
  ...{
    members: Type.Array(CommitteeMember),
    meetings: Type.Array(MeetingItem),
    canEdit: Type.Boolean(),
  },
});
export type CommitteeDetail = Static<typeof CommitteeDetail>;

export const CommitteeListQuery = Type.Object({ unit: Type.Optional(Id) }, { additionalProperties: false });
export type CommitteeListQuery = Static<typeof CommitteeListQuery>;
export const CommitteeIdParams = Type.Object({ id: Id });
export const MeetingIdParams = Type.Object({ meetingId: Id });

export const MeetingBody = Type.Object(
  {
    heldOn: IsoDate,
    title: Type.String({ minLength: 1, maxLength: 300 }),
    agenda: Type.String({ minLength: 1, maxLength: 4000 }),
    chairedBy: OptionalText(120),
    minutes: OptionalText(20000),
    conclusions: Type.Optional(Type.Array(TaskBody, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type MeetingBody = Static<typeof MeetingBody>;

export const UpdateMeetingBody = Type.Object(
  {
    heldOn: Type.Optional(IsoDate),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    agenda: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    chairedBy: OptionalText(120),
    minutes: OptionalText(20000),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeetingBody = Static<typeof UpdateMeetingBody>;

export const CancelMeetingBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: 'Lý do hủy (ghi nhầm, không họp…)' }) },
  { additionalProperties: false },
);
export type CancelMeetingBody = Static<typeof CancelMeetingBody>;
