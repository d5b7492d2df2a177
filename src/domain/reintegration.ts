/**
 * Reintegration of persons returning after a prison sentence (Nghị định 49/2020, Thông tư 10/2024/TT-BCA): the
 * statuses of a case, the kinds of support, and the rules that follow from dates. A case's status on any date is
 * derived from its dates (opened, reintegrated, ended with a reason), so that counts for a past period come out
 * the same whenever they are computed.
 */
import type { IsoDate } from './dates.js';

export const CASE_STATUSES = [
  'being_helped',
  'reintegrated',
  'moved',
  'emigrated',
  'missing',
  'died',
  'imprisoned_again',
  'record_expunged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The statuses that end a case: its file leaves the commune's active list, the history stays. */
export const END_REASONS = [
  'moved',
  'emigrated',
  'missing',
  'died',
  'imprisoned_again',
  'record_expunged',
] as const;
export type EndReason = (typeof END_REASONS)[number];

export const ACTIVE_STATUSES = ['being_helped', 'reintegrated'] as const;
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  being_helped: 'Đang giúp đỡ',
  reintegrated: 'Đã tái hòa nhập',
  moved: 'Chuyển nơi cư trú',
  emigrated: 'Xuất cảnh định cư',
  missing: 'Mất tích',
  died: 'Đã chết',
  imprisoned_again: 'Tái phạm, chấp hành án mới',
  record_expunged: 'Đã được xóa án tích',
};

/** How a case came to the commune: released from a facility, or transferred in from another commune. */
export const CASE_ORIGINS = ['released', 'transferred_in'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];
export const CASE_ORIGIN_LABELS: Record<CaseOrigin, string> = {
  released: 'Mới chấp hành xong án về địa phương',
  transferred_in: 'Chuyển đến từ xã, phường khác',
};

export const SUPPORT_KINDS = [
  'residence_registration',
  'identity_card',
  'criminal_record_certificate',
  'record_expungement',
  'job_placement',
  'vocational_training',
  'loan',
  'other',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Record<SupportKind, string> = {
  residence_registration: 'Đăng ký cư trú',
  identity_card: 'Cấp căn cước',
  criminal_record_certificate: 'Cấp phiếu lý lịch tư pháp',
  record_expungement: 'Xóa án tích',
  job_placement: 'Giới thiệu việc làm',
  vocational_training: 'Học nghề',
  loan: 'Vay vốn',
  other: 'Hỗ trợ khác',
};

export const SUPPORT_OUTCOMES = ['in_progress', 'achieved', 'not_achieved'] as const;
export type SupportOutcome = (typeof SUPPORT_OUTCOMES)[number];
export const SUPPORT_OUTCOME_LABELS: Record<SupportOutcome, string> = {
  in_progress: 'Đang thực hiện',
  achieved: 'Đạt kết quả',
  not_achieved: 'Không đạt',
};

export function isEndReason(status: string): status is EndReason {
  return (END_REASONS as readonly string[]).includes(status);
}

export interface CaseDates {
  openedOn: IsoDate;
  reintegratedOn: IsoDate | null;
  endedOn: IsoDate | null;
  endReason: EndReason | null;
}

/** The status of a case on a date (undefined before it was opened). */
export function statusOn(dates: CaseDates, date: IsoDate): CaseStatus | undefined {
  if (date < dates.openedOn) return undefined;
  if (dates.endedOn !== null && dates.endReason !== null && dates.endedOn <= date) return dates.endReason;
  if (dates.reintegratedOn !== null && dates.reintegratedOn <= date) return 'reintegrated';
  return 'being_helped';
}

/** The first date on which personal fields of an ended case must be gone. */
export function retentionDueOn(endedOn: IsoDate, years: number): IsoDate {
  const [year, month, day] = endedOn.split('-').map(Number) as [number, number, number];
  // 29/02 plus whole years lands on 28/02 of a common year.
  const target = new Date(Date.UTC(year + years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The last ended-on date whose case is due for removal of personal fields today. */
export function retentionCutoff(today: IsoDate, years: number): IsoDate {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year - years, month - 1, day));
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
