/**
 * Awards (khen thưởng) to collectives and individuals: forms and issuers are data (configurable, seeded with the
 * common ones); a proposal drafted at commune level is approved or refused above it.
 */
export const RECIPIENT_TYPES = ['unit', 'team', 'member', 'person'] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];
export const RECIPIENT_TYPE_LABELS: Record<RecipientType, string> = {
  unit: 'Tập thể: đơn vị',
  team: 'Tập thể: tổ, đội',
  member: 'Cá nhân: thành viên tổ',
  person: 'Cá nhân khác',
};

export const RECIPIENT_CLASSES = ['collective', 'individual'] as const;
export type RecipientClass = (typeof RECIPIENT_CLASSES)[number];
export const RECIPIENT_CLASS_LABELS: Record<RecipientClass, string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
};

export function recipientClass(type: RecipientType): RecipientClass {
  return type === 'unit' || type === 'team' ? 'collective' : 'individual';
}

export const AWARD_STATUSES = ['proposed', 'approved', 'refused'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];
export const AWARD_STATUS_LABELS: Record<AwardStatus, string> = {
  proposed: 'Đề nghị',
  approved: 'Đã khen thưởng',
  refused: 'Không được duyệt',
};

export const AWARD_REASONS = ['excellent', 'sudden', 'other'] as const;
export type AwardReason = (typeof AWARD_REASONS)[number];
export const AWARD_REASON_LABELS: Record<AwardReason, string> = {
  excellent: 'Thành tích xuất sắc',
  sudden: 'Thành tích đột xuất',
  other: 'Khác',
};

export const SEEDED_AWARD_FORMS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'certificate_of_merit', name: 'Bằng khen' },
  { code: 'letter_of_praise', name: 'Giấy khen' },
  { code: 'emulation_flag', name: 'Cờ thi đua' },
  { code: 'commemorative_medal', name: 'Kỷ niệm chương' },
];

export const SEEDED_AWARD_ISSUERS: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'ministry_of_public_security', name: 'Bộ Công an' },
  { code: 'province_people_committee', name: 'UBND tỉnh' },
  { code: 'province_police_director', name: 'Giám đốc Công an tỉnh' },
  { code: 'fatherland_front_committee', name: 'Ủy ban MTTQ' },
  { code: 'commune_people_committee', name: 'UBND xã' },
];

/** "2024" or "2014–2023": the period an award is for. */
export function periodLabel(fromYear: number, toYear: number | null): string {
  return toYear === null || toYear === fromYear ? String(fromYear) : `${fromYear}–${toYear}`;
}
