/**
 * Grassroots teams and groups of the movement and their members: kinds, roles, and the rules checked when a member
 * joins (eligibility) and when members are rated each year. Pure functions, shared by server and web.
 */
import { addDays, formatDateVi, type IsoDate } from './dates.js';
import { REGISTRY_SETTINGS } from './registry-settings.js';
import type { UnitKind } from './units.js';

export const TEAM_KINDS = [
  'grassroots_security_team',
  'people_security_group',
  'mediation_group',
  'unit_guard_team',
  'steering_committee',
  'urban_block_guard_board',
  'part_time_commune_police',
  'civil_defence_team',
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export interface TeamKindInfo {
  label: string;
  /** Replaced by the grassroots security team on 01/07/2024: kept only for records before that date. */
  historical: boolean;
  /** A committee (Ban) has a chairman, vice chairmen and members instead of a leader, deputies and members. */
  committee: boolean;
  /** The kinds of unit such a group serves. */
  unitKinds: readonly UnitKind[];
  /** At most one group of this kind may be active at a unit at a time. */
  onePerUnit: boolean;
  /** Members are checked on entry for age and residence (Law 30/2023/QH15 for the grassroots security forces). */
  checksEligibility: boolean;
  /** "Đội" groups call their leader Đội trưởng: the role codes stay the same, the words change. */
  squad: boolean;
}

export const TEAM_KIND_INFO: Record<TeamKind, TeamKindInfo> = {
  grassroots_security_team: {
    label: 'Tổ bảo vệ an ninh, trật tự ở cơ sở',
    historical: false,
    committee: false,
    unitKinds: ['residential_area'],
    onePerUnit: true,
    checksEligibility: true,
    squad: false,
  },
  people_security_group: {
    label: 'Tổ an ninh nhân dân',
    historical: false,
    committee: false,
    unitKinds: ['residential_area'],
    onePerUnit: false,
    checksEligibility: true,
    squad: false,
  },
  mediation_group: {
    label: 'Tổ hòa giải',
    historical: false,
    committee: false,
    unitKinds: ['residential_area'],
    onePerUnit: false,
    // Mediators are chosen under the Law on grassroots mediation, which sets no age or residence limits.
    checksEligibility: false,
    squad: false,
  },
  unit_guard_team: {
    label: 'Đội bảo vệ cơ quan, doanh nghiệp',
    historical: false,
    committee: false,
    unitKinds: ['agency', 'enterprise', 'school'],
    onePerUnit: false,
    checksEligibility: true,
    squad: true,
  },
  steering_committee: {
    label: 'Ban Chỉ đạo',
    historical: false,
    committee: true,
    unitKinds: ['province', 'district', 'commune'],
    onePerUnit: true,
    // Members sit on the committee by office (chairman of the people's committee, police chief…).
    checksEligibility: false,
    squad: false,
  },
  urban_block_guard_board: {
    label: 'Ban bảo vệ dân phố',
    historical: true,
    committee: true,
    unitKinds: ['commune', 'residential_area'],
    onePerUnit: false,
    checksEligibility: false,
    squad: false,
  },
  part_time_commune_police: {
    label: 'Công an xã bán chuyên trách',
    historical: true,
    committee: false,
    unitKinds: ['commune'],
    onePerUnit: false,
    checksEligibility: false,
    squad: false,
  },
  civil_defence_team: {
    label: 'Đội dân phòng',
    historical: true,
    committee: false,
    unitKinds: ['commune', 'residential_area'],
    onePerUnit: false,
    checksEligibility: false,
    squad: true,
  },
};

export const TEAM_KIND_LABELS = Object.fromEntries(
  TEAM_KINDS.map((kind) => [kind, TEAM_KIND_INFO[kind].label]),
) as Record<TeamKind, string>;

export const TEAM_STATUSES = ['active', 'dissolved'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];
export const TEAM_STATUS_LABELS: Record<TeamStatus, string> = {
  active: 'Đang hoạt động',
  dissolved: 'Đã giải thể',
};

export const MEMBER_ROLES = [
  'team_leader',
  'deputy_leader',
  'member',
  'chairman',
  'vice_chairman',
  'committee_member',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  team_leader: 'Tổ trưởng',
  deputy_leader: 'Tổ phó',
  member: 'Tổ viên',
  chairman: 'Trưởng ban',
  vice_chairman: 'Phó Trưởng ban',
  committee_member: 'Thành viên',
};

const SQUAD_ROLE_LABELS: Partial<Record<MemberRole, string>> = {
  team_leader: 'Đội trưởng',
  deputy_leader: 'Đội phó',
  member: 'Đội viên',
};

const TEAM_ROLES: readonly MemberRole[] = ['team_leader', 'deputy_leader', 'member'];
const COMMITTEE_ROLES: readonly MemberRole[] = ['chairman', 'vice_chairman', 'committee_member'];

/** The roles a member of a group of this kind may hold, leader first. */
export function rolesForKind(kind: TeamKind): readonly MemberRole[] {
  return TEAM_KIND_INFO[kind].committee ? COMMITTEE_ROLES : TEAM_ROLES;
}

/** The role as people of that group say it: "Đội trưởng" in a guard team, "Tổ trưởng" in a team. */
export function memberRoleLabel(kind: TeamKind, role: MemberRole): string {
  return (TEAM_KIND_INFO[kind].squad ? SQUAD_ROLE_LABELS[role] : undefined) ?? MEMBER_ROLE_LABELS[role];
}

/** The one role a group has a single holder of at a time. */
export const LEADER_ROLES: readonly MemberRole[] = ['team_leader', 'chairman'];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

export const MEMBER_RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type MemberRating = (typeof MEMBER_RATINGS)[number];
export const MEMBER_RATING_LABELS: Record<MemberRating, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

/** A rule that refuses: stable code, Vietnamese message, the field at fault. */
export interface RuleProblem {
  code: string;
  message: string;
  field: string;
}

// ---- calendar arithmetic on ISO dates ---------------------------------------------------------------------------

function parts(iso: IsoDate): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The same day `months` later; a day the month lacks becomes its last day (31/01 + 1 month = 28/02 or 29/02). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return iso(targetYear, targetMonth, Math.min(day, lastDay));
}

/** Whole months from `from` up to, not including, `toExclusive` (15/02 → 15/11 is 9 months). */
export function wholeMonthsBetween(from: IsoDate, toExclusive: IsoDate): number {
  if (toExclusive <= from) return 0;
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(toExclusive);
  let months = (y2 - y1) * 12 + (m2 - m1);
  while (months > 0 && addMonths(from, months) > toExclusive) months -= 1;
  return months;
}

/** Full years from one date to another (01/03/2024 → 01/03/2025 is one): what "1 year of residence" measures. */
export function wholeYearsBetween(from: IsoDate, to: IsoDate): number {
  return Math.floor(wholeMonthsBetween(from, to) / 12);
}

// ---- eligibility on entry -----------------------------------------------------------------------------------------

export interface EligibilityInput {
  kind: TeamKind;
  birthYear: number;
  joinedOn: IsoDate;
  /** Since when the person has lived in the area; needed where the residence rule applies. */
  residenceSince: IsoDate | null;
  /** The reason an out-of-range age was approved by the competent authority, if it was. */
  approvedException: string | null;
}

/** Age in the year of joining, which is all a birth year allows: born 2007, joining in 2025, is 18. */
export function ageOnJoining(birthYear: number, joinedOn: IsoDate): number {
  return parts(joinedOn)[0] - birthYear;
}

/**
 * Everything that keeps a person from joining a group of this kind, each with the field to fix. Age 18–70 unless
 * an approved exception is given; at least 1 year of residence by the joining date. An empty list admits.
 */
export function checkEligibility(input: EligibilityInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const joinYear = parts(input.joinedOn)[0];
  if (input.birthYear > joinYear) {
    return [
      {
        code: 'members.birth_year_after_joining',
        message: `Năm sinh ${input.birthYear} sau năm tham gia ${joinYear}`,
        field: 'birthYear',
      },
    ];
  }
  if (!TEAM_KIND_INFO[input.kind].checksEligibility) return problems;
  const { memberMinAge: min, memberMaxAge: max, memberMinResidenceYears: years } = REGISTRY_SETTINGS;
  const age = ageOnJoining(input.birthYear, input.joinedOn);
  const exception = input.approvedException?.trim();
  if ((age < min || age > max) && !exception) {
    problems.push({
      code: age < min ? 'members.too_young' : 'members.too_old',
      message:
        `Năm tham gia (${joinYear}) người này ${age} tuổi, ${age < min ? `chưa đủ ${min}` : `quá ${max}`} tuổi: ` +
        `thành viên phải từ ${min} đến ${max} tuổi. Nếu cấp có thẩm quyền đã chấp thuận ngoại lệ, hãy nhập lý do vào trường "Ngoại lệ được chấp thuận"`,
      field: 'birthYear',
    });
  }
  if (input.residenceSince === null) {
    problems.push({
      code: 'members.residence_required',
      message: `Chưa nhập ngày bắt đầu cư trú: cần để kiểm tra điều kiện cư trú từ ${years} năm trở lên`,
      field: 'residenceSince',
    });
  } else if (wholeYearsBetween(input.residenceSince, input.joinedOn) < years) {
    problems.push({
      code: 'members.residence_too_short',
      message: `Cư trú từ ${formatDateVi(input.residenceSince)} đến ngày tham gia ${formatDateVi(input.joinedOn)} chưa đủ ${years} năm: chưa đủ điều kiện cư trú`,
      field: 'residenceSince',
    });
  }
  return problems;
}

// ---- yearly rating ---------------------------------------------------------------------------------------------

export interface RatingPeriod {
  year: number;
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
}

/** The rating year Y runs from 15/11/(Y−1) to 14/11/Y (the start is configuration). */
export function ratingPeriod(year: number): RatingPeriod {
  const { month, day } = REGISTRY_SETTINGS.ratingPeriodStart;
  const from = iso(year - 1, month, day);
  return { year, from, to: addDays(iso(year, month, day), -1) };
}

/** The rating year a date falls in: 20/11/2025 already counts towards 2026. */
export function ratingYearOf(date: IsoDate): number {
  const year = parts(date)[0];
  return date >= ratingPeriod(year + 1).from ? year + 1 : year;
}

export interface Membership {
  joinedOn: IsoDate;
  /** The first day no longer a member; null while still one. */
  leftOn: IsoDate | null;
}

/** Whole months of service inside the period (a member still serving is counted to the end of the period). */
export function serviceMonthsInPeriod(membership: Membership, period: RatingPeriod): number {
  const start = [membership.joinedOn, period.from].sort()[1]!;
  const periodEnd = addDays(period.to, 1);
  const end = membership.leftOn !== null && membership.leftOn < periodEnd ? membership.leftOn : periodEnd;
  return wholeMonthsBetween(start, end);
}

/** Why a member cannot be rated for the year, or null when they can. */
export function checkRatable(membership: Membership, year: number): RuleProblem | null {
  const period = ratingPeriod(year);
  const months = serviceMonthsInPeriod(membership, period);
  const needed = REGISTRY_SETTINGS.ratingMinServiceMonths;
  if (months >= needed) return null;
  return {
    code: 'ratings.service_too_short',
    message:
      `Không đánh giá, xếp loại năm ${year}: thành viên mới có ${months} tháng công tác trong kỳ ` +
      `${formatDateVi(period.from)} – ${formatDateVi(period.to)}, cần ít nhất ${needed} tháng`,
    field: 'rating',
  };
}

/** At most this many "xuất sắc" where `good` members are rated "tốt". */
export function maxExcellent(
  good: number,
  percent: number = REGISTRY_SETTINGS.excellentMaxPercentOfGood,
): number {
  return Math.floor((good * percent) / 100);
}

export type RatingCounts = Record<MemberRating, number>;

export function countRatings(ratings: Iterable<MemberRating>): RatingCounts {
  const counts: RatingCounts = { excellent: 0, good: 0, completed: 0, not_completed: 0 };
  for (const rating of ratings) counts[rating] += 1;
  return counts;
}

/**
 * In a team and a year, "Hoàn thành xuất sắc nhiệm vụ" may go to at most 20% (configuration) of the number of
 * members rated "Hoàn thành tốt nhiệm vụ". The counts are those the team would have after the change.
 */
export function checkExcellentQuota(
  counts: Pick<RatingCounts, 'excellent' | 'good'>,
  percent: number = REGISTRY_SETTINGS.excellentMaxPercentOfGood,
): RuleProblem | null {
  const allowed = maxExcellent(counts.good, percent);
  if (counts.excellent <= allowed) return null;
  return {
    code: 'ratings.excellent_quota',
    message: `Đã có ${counts.excellent} thành viên xuất sắc trên ${counts.good} thành viên tốt: tối đa ${percent}% (${allowed})`,
    field: 'rating',
  };
}

// ---- the group itself ----------------------------------------------------------------------------------------------

/** Where a group of this kind may be set up and when, as problems with fields. */
export function checkTeamPlacement(input: {
  kind: TeamKind;
  unitKind: UnitKind;
  unitName: string;
  establishedOn: IsoDate;
}): RuleProblem[] {
  const info = TEAM_KIND_INFO[input.kind];
  const problems: RuleProblem[] = [];
  if (!info.unitKinds.includes(input.unitKind)) {
    problems.push({
      code: 'teams.unit_kind',
      message: `${info.label} không thành lập ở ${input.unitName}`,
      field: 'unitId',
    });
  }
  const cutoff = REGISTRY_SETTINGS.historicalKindsEndBefore;
  if (info.historical && input.establishedOn >= cutoff) {
    problems.push({
      code: 'teams.kind_historical',
      message: `${info.label} chỉ dùng cho hồ sơ thành lập trước ngày ${formatDateVi(cutoff)} (Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở)`,
      field: 'kind',
    });
  }
  return problems;
}
