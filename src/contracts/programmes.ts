/** Coordination programmes, their phases and directive documents, unit plans, and tasks with progress notes. */
import { type Static, Type } from 'typebox';
import { PROGRAMME_LEVELS, TASK_STATES, TASK_STATUSES } from '../domain/coordination.js';
import { Id, IsoDate, StringEnum } from './common.js';
import { Nullable, OptionalText, RecordUnit } from './registry.js';

export const ProgrammeLevel = StringEnum(PROGRAMME_LEVELS, {
  description: 'national: Trung ương; province: cấp tỉnh; commune: cấp xã',
});
export const TaskStatus = StringEnum(TASK_STATUSES, {
  description: 'not_started: chưa thực hiện; in_progress: đang thực hiện; done: đã hoàn thành',
});
export const TaskState = StringEnum(TASK_STATES, {
  description: 'Tiến độ tại ngày xem: done: hoàn thành; late: quá hạn; in_progress; not_started',
});

// ---- tasks (shared with steering committee conclusions) -----------------------------------------------------------

export const TaskNote = Type.Object({
  id: Id,
  notedOn: IsoDate,
  note: Type.String(),
  recordedBy: Nullable(Type.String()),
});

export const TaskItem = Type.Object({
  id: Id,
  title: Type.String(),
  ownerOrganisation: Type.String(),
  dueOn: Nullable(IsoDate),
  status: TaskStatus,
  statusLabel: Type.String(),
  state: TaskState,
  stateLabel: Type.String(),
  startedOn: Nullable(IsoDate),
  doneOn: Nullable(IsoDate),
  notes: Type.Array(TaskNote),
  canEdit: Type.Boolean(),
});
export type TaskItem = Static<typeof TaskItem>;

export const TaskBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    ownerOrganisation: Type.String({ minLength: 1, maxLength: 200, description: 'Cơ quan, tổ chức chủ trì' }),
    dueOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type TaskBody = Static<typeof TaskBody>;

export const UpdateTaskBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    ownerOrganisation: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    dueOn: Type.Optional(Nullable(IsoDate)),
    status: Type.Optional(TaskStatus),
    statusDate: Type.Optional(IsoDate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;

export const TaskNoteBody = Type.Object(
  { notedOn: IsoDate, note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type TaskNoteBody = Static<typeof TaskNoteBody>;
export const TaskIdParams = Type.Object({ taskId: Id });

export const StateCounts = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  done: Type.Integer({ minimum: 0 }),
  late: Type.Integer({ minimum: 0 }),
  inProgress: Type.Integer({ minimum: 0 }),
  notStarted: Type.Integer({ minimum: 0 }),
});
export type StateCounts = Static<typeof StateCounts>;

// ---- programmes -----------------------------------------------------------------------------------------------

export const Phase = Type.Object({
  id: Id,
  name: Type.String(),
  startsOn: IsoDate,
  endsOn: Nullable(IsoDate),
  note: Nullable(Type.String()),
});
export const ProgrammeDocument = Type.Object({
  id: Id,
  documentId: Nullable(Id),
  reference: Type.String({ description: 'Số, ký hiệu văn bản chỉ đạo, ví dụ "Chỉ thị 09-CT/TW"' }),
  title: Nullable(
    Type.String({ description: 'Trích yếu của văn bản trong danh mục (khi người xem được xem)' }),
  ),
});

export const ProgrammeItem = Type.Object({
  id: Id,
  number: Type.String(),
  title: Type.String(),
  parties: Type.Array(Type.String()),
  level: ProgrammeLevel,
  levelLabel: Type.String(),
  unit: Nullable(RecordUnit),
  signedOn: Nullable(IsoDate),
  notes: Nullable(Type.String()),
  reference: Type.Boolean({ description: 'Chương trình do hệ thống cài sẵn (ví dụ số 09)' }),
  phases: Type.Array(Phase),
  documents: Type.Array(ProgrammeDocument),
  planCount: Type.Integer({ minimum: 0, description: 'Số kế hoạch thực hiện trong phạm vi người xem' }),
});
export type ProgrammeItem = Static<typeof ProgrammeItem>;
export const ProgrammeList = Type.Object({ items: Type.Array(ProgrammeItem) });
export type ProgrammeList = Static<typeof ProgrammeList>;

export const PlanItem = Type.Object({
  id: Id,
  programmeId: Id,
  unit: RecordUnit,
  phaseId: Nullable(Id),
  phaseName: Nullable(Type.String()),
  number: Nullable(Type.String()),
  title: Type.String(),
  issuedOn: IsoDate,
  notes: Nullable(Type.String()),
  progress: StateCounts,
});
export type PlanItem = Static<typeof PlanItem>;

export const ProgrammeDetail = Type.Object({
  ...ProgrammeItem.properties,
  ...{
    plans: Type.Array(PlanItem),
    canPlan: Type.Boolean({ description: 'Người xem được lập kế hoạch thực hiện' }),
    canEdit: Type.Boolean({
      description:
        'Người xem được sửa chương trình (chương trình của đơn vị trong phạm vi; cấp Trung ương: chỉ cấp Trung ương)',
    }),
  },
});
export type ProgrammeDetail = Static<typeof ProgrammeDetail>;

export const PlanDetail = Type.Object({
  ...PlanItem.properties,
  ...{
    programme: Type.Object({ id: Id, number: Type.String(), title: Type.String() }),
    tasks: Type.Array(TaskItem),
    canEdit: Type.Boolean(),
  },
});
export type PlanDetail = Static<typeof PlanDetail>;

export const ProgrammeIdParams = Type.Object({ id: Id });
export const PlanIdParams = Type.Object({ planId: Id });

const PhaseInput = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    startsOn: IsoDate,
    endsOn: Type.Optional(Nullable(IsoDate)),
    note: OptionalText(500),
  },
  { additionalProperties: false },
);

/** A document of the directive documents registry (`documentId`), or the name of one not in it (`reference`). */
const DocumentInput = Type.Object(
  {
    documentId: Type.Optional(Nullable(Id)),
    reference: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Chỉ cho văn bản chưa có trong danh mục: số, ký hiệu, ví dụ "Chỉ thị 09-CT/TW"',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CreateProgrammeBody = Type.Object(
  {
    number: Type.String({ minLength: 1, maxLength: 60 }),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    parties: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 2, maxItems: 10 }),
    level: ProgrammeLevel,
    unitId: Type.Optional(Nullable(Id)),
    signedOn: Type.Optional(Nullable(IsoDate)),
    phases: Type.Array(PhaseInput, { minItems: 1, maxItems: 10 }),
    documents: Type.Optional(Type.Array(DocumentInput, { maxItems: 20 })),
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);
export type CreateProgrammeBody = Static<typeof CreateProgrammeBody>;

/**
 * Changes to a programme. Its level and unit stay as recorded. `phases` lists every phase to keep (with `id`) or
 * add (without); a phase left out is removed unless a plan implements it. `documents` replaces the list.
 */
export const UpdateProgrammeBody = Type.Object(
  {
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    parties: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 2, maxItems: 10 }),
    ),
    signedOn: Type.Optional(Nullable(IsoDate)),
    phases: Type.Optional(Type.Array(PhaseInput, { minItems: 1, maxItems: 10 })),
    documents: Type.Optional(Type.Array(DocumentInput, { maxItems: 20 })),
    notes: OptionalText(2000),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProgrammeBody = Static<typeof UpdateProgrammeBody>;

export const PlanBody = Type.Object(
  {
    unitId: Id,
    phaseId: Type.Optional(Nullable(Id)),
    number: OptionalText(60),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    issuedOn: IsoDate,
    notes: OptionalText(2000),
  },
  { additionalProperties: false },
);
export type PlanBody = Static<typeof PlanBody>;

export const ProgressQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { additionalProperties: false },
);
export type ProgressQuery = Static<typeof ProgressQuery>;

export const ProgressView = Type.Object({
  year: Type.Integer(),
  judgedOn: IsoDate,
  rows: Type.Array(
    Type.Object({
      unit: RecordUnit,
      planId: Nullable(Id),
      planTitle: Nullable(Type.String()),
      counts: StateCounts,
    }),
  ),
  total: StateCounts,
});
export type ProgressView = Static<typeof ProgressView>;
