/**
 * Coordination programmes (chương trình phối hợp) and the tasks that carry them out, and the conclusions of
 * steering committee meetings, which are tracked as the same kind of task. Whether a task is done, late or not
 * started on a date follows from its dates, never from a stored flag.
 */
import type { IsoDate } from './dates.js';

export const PROGRAMME_LEVELS = ['national', 'province', 'commune'] as const;
export type ProgrammeLevel = (typeof PROGRAMME_LEVELS)[number];
export const PROGRAMME_LEVEL_LABELS: Record<ProgrammeLevel, string> = {
  national: 'Trung ương',
  province: 'Cấp tỉnh',
  commune: 'Cấp xã',
};

export const TASK_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
};

/** What a progress view shows for a task on a date. */
export const TASK_STATES = ['done', 'late', 'in_progress', 'not_started'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  done: 'Đã hoàn thành',
  late: 'Quá hạn',
  in_progress: 'Đang thực hiện',
  not_started: 'Chưa thực hiện',
};

export interface TaskDates {
  dueOn: IsoDate | null;
  startedOn: IsoDate | null;
  doneOn: IsoDate | null;
}

/** Done by the date; else late once the due date has passed; else in progress once started; else not started. */
export function taskStateOn(task: TaskDates, date: IsoDate): TaskState {
  if (task.doneOn !== null && task.doneOn <= date) return 'done';
  if (task.dueOn !== null && task.dueOn < date) return 'late';
  if (task.startedOn !== null && task.startedOn <= date) return 'in_progress';
  return 'not_started';
}

/** The date a yearly view is judged on: the end of the year, or today while the year is running. */
export function yearViewDate(year: number, today: IsoDate): IsoDate {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}
