import { type Static, Type } from 'typebox';
import { Id, StringEnum } from './common.js';
import { Nullable } from './registry.js';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

export const JobState = Type.Object({
  id: Id,
  kind: Type.String({ description: 'Loại việc, ví dụ teams.import' }),
  status: StringEnum(JOB_STATUSES, { description: 'queued, running, succeeded, failed' }),
  phase: Nullable(Type.String({ description: 'Bước đang làm, tiếng Việt' })),
  progress: Type.Object({
    done: Type.Integer({ minimum: 0 }),
    total: Type.Integer({ minimum: 0 }),
    percent: Type.Integer({ minimum: 0, maximum: 100, description: 'Tiến độ chung 0–100, chỉ tăng' }),
  }),
  result: Type.Unknown({ description: 'Kết quả khi xong (ví dụ ImportResult)' }),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type JobState = Static<typeof JobState>;

export const JobIdParams = Type.Object({ id: Id });
