/**
 * Activities of the movement (outreach sessions, launches, festival days, law contests, conferences, citizens'
 * hearings, legal-education classes, campaigns, gratitude visits), their organisers and learners, and the
 * plausibility check on participant figures. The kinds themselves are data (table activity_kinds).
 */
import type { RuleProblem } from './teams.js';

/** The kinds installed on every database; `festival` kinds carry the festival-day parts, `class` kinds learners. */
export const SEEDED_ACTIVITY_KINDS: ReadonlyArray<{
  code: string;
  name: string;
  trait: ActivityTrait;
}> = [
  { code: 'outreach', name: 'Tuyên truyền, vận động', trait: 'general' },
  { code: 'movement_launch', name: 'Phát động phong trào', trait: 'general' },
  { code: 'festival_day', name: 'Ngày hội toàn dân bảo vệ an ninh Tổ quốc', trait: 'festival' },
  { code: 'law_contest', name: 'Hội thi tìm hiểu pháp luật', trait: 'general' },
  { code: 'conference', name: 'Hội nghị', trait: 'general' },
  { code: 'citizens_hearing', name: 'Công an lắng nghe ý kiến Nhân dân', trait: 'hearing' },
  { code: 'legal_class', name: 'Lớp giáo dục pháp luật', trait: 'class' },
  { code: 'crime_campaign', name: 'Đợt cao điểm tấn công, trấn áp tội phạm', trait: 'general' },
  { code: 'gratitude_visit', name: 'Thăm hỏi, tri ân', trait: 'general' },
];

export const ACTIVITY_TRAITS = ['general', 'festival', 'class', 'hearing'] as const;
export type ActivityTrait = (typeof ACTIVITY_TRAITS)[number];

export const ORGANISERS = [
  'police',
  'fatherland_front',
  'youth_union',
  'women_union',
  'veterans',
  'farmers_union',
  'local_government',
  'school',
  'enterprise',
  'other',
] as const;
export type Organiser = (typeof ORGANISERS)[number];
export const ORGANISER_LABELS: Record<Organiser, string> = {
  police: 'Công an',
  fatherland_front: 'Ủy ban MTTQ',
  youth_union: 'Đoàn Thanh niên',
  women_union: 'Hội Liên hiệp Phụ nữ',
  veterans: 'Hội Cựu chiến binh',
  farmers_union: 'Hội Nông dân',
  local_government: 'Ủy ban nhân dân',
  school: 'Nhà trường',
  enterprise: 'Doanh nghiệp',
  other: 'Khác',
};

export const LEARNER_GROUPS = [
  'young_at_risk',
  'pupils_students',
  'workers',
  'returning_persons',
  'residents',
  'other',
] as const;
export type LearnerGroup = (typeof LEARNER_GROUPS)[number];
export const LEARNER_GROUP_LABELS: Record<LearnerGroup, string> = {
  young_at_risk: 'Thanh, thiếu niên có nguy cơ vi phạm pháp luật',
  pupils_students: 'Học sinh, sinh viên',
  workers: 'Công nhân, người lao động',
  returning_persons: 'Người chấp hành xong án phạt tù',
  residents: 'Nhân dân',
  other: 'Đối tượng khác',
};

/** The level that chose a pilot (điểm) festival-day site. */
export const PILOT_LEVELS = ['national', 'province', 'district', 'commune'] as const;
export type PilotLevel = (typeof PILOT_LEVELS)[number];
export const PILOT_LEVEL_LABELS: Record<PilotLevel, string> = {
  national: 'Bộ Công an chọn',
  province: 'Tỉnh chọn',
  district: 'Huyện chọn (trước 01/07/2025)',
  commune: 'Xã chọn',
};

/** The numbers of the plausibility check; a province may set them differently. */
export const PLAUSIBILITY_SETTINGS = {
  /** Participants more than this many times the median of the unit's previous figures (same kind) are unusual… */
  unusualMultiple: 5,
  /** …when there are at least this many previous figures to compare with… */
  minPreviousFigures: 2,
  /** …and the figure itself is at least this large (10 people instead of 1 is no alarm). */
  minParticipants: 100,
  /** How many of the unit's latest previous figures are compared. */
  previousFiguresCompared: 5,
} as const;

export const PLAUSIBILITY_WARNINGS = ['exceeds_population', 'unusual_multiple'] as const;
export type PlausibilityWarningCode = (typeof PLAUSIBILITY_WARNINGS)[number];

export interface PlausibilityWarning {
  code: PlausibilityWarningCode;
  message: string;
}

function formatCount(value: number): string {
  return value.toLocaleString('vi-VN');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Warnings about a participant figure: more people than live in the unit (when its population is known), or an
 * unusual multiple of the unit's previous figures for the same kind. A warning does not refuse the figure: the
 * person confirms it with a reason, which is kept with the record.
 */
export function plausibilityWarnings(input: {
  participants: number | null;
  population: { value: number; year: number } | null;
  unitName: string;
  previousFigures: readonly number[];
}): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  const participants = input.participants;
  if (participants === null) return warnings;
  if (input.population && participants > input.population.value) {
    warnings.push({
      code: 'exceeds_population',
      message: `Số lượt người tham gia (${formatCount(participants)}) lớn hơn dân số của ${input.unitName} (${formatCount(input.population.value)} người, năm ${input.population.year})`,
    });
  }
  const previous = input.previousFigures.filter((value) => value > 0);
  if (
    previous.length >= PLAUSIBILITY_SETTINGS.minPreviousFigures &&
    participants >= PLAUSIBILITY_SETTINGS.minParticipants
  ) {
    const typical = median(previous);
    if (participants > typical * PLAUSIBILITY_SETTINGS.unusualMultiple) {
      warnings.push({
        code: 'unusual_multiple',
        message: `Số lượt người tham gia (${formatCount(participants)}) gấp ${Math.floor(participants / typical)} lần mức thường gặp của đơn vị với loại hoạt động này (khoảng ${formatCount(Math.round(typical))} lượt)`,
      });
    }
  }
  return warnings;
}

export interface ActivityFacts {
  trait: ActivityTrait;
  kindName: string;
  startsOn: string;
  endsOn: string | null;
  participants: number | null;
  learners: ReadonlyArray<{ group: LearnerGroup; count: number }>;
  festival: {
    ceremonyHeld: boolean | null;
    festivalHeld: boolean | null;
    pilot: boolean | null;
    pilotChosenBy: PilotLevel | null;
    giftsCount: number | null;
    giftsValueVnd: number | null;
  };
}

/** The rules of an activity's facts that hold whatever the unit (the service adds unit and kind checks). */
export function activityProblems(facts: ActivityFacts, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (facts.endsOn !== null && facts.endsOn < facts.startsOn) {
    problems.push({
      code: 'activities.ends_before_start',
      message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi',
      field: 'endsOn',
    });
  }
  if (facts.startsOn > today) {
    // Planned activities are not records of what happened: the registry counts what took place.
    problems.push({
      code: 'activities.in_future',
      message: 'Ngày bắt đầu không được sau hôm nay: sổ chỉ ghi hoạt động đã diễn ra',
      field: 'startsOn',
    });
  }
  const festival = facts.festival;
  const festivalGiven =
    festival.ceremonyHeld !== null ||
    festival.festivalHeld !== null ||
    festival.pilot !== null ||
    festival.pilotChosenBy !== null ||
    festival.giftsCount !== null ||
    festival.giftsValueVnd !== null;
  if (facts.trait !== 'festival' && festivalGiven) {
    problems.push({
      code: 'activities.festival_fields_not_festival',
      message: `Phần lễ, phần hội, điểm và quà tặng chỉ ghi cho Ngày hội; "${facts.kindName}" không phải Ngày hội`,
      field: 'festival',
    });
  }
  if (facts.trait === 'festival') {
    if (festival.ceremonyHeld === false && festival.festivalHeld === false) {
      problems.push({
        code: 'activities.festival_no_part',
        message: 'Ngày hội phải có ít nhất phần lễ hoặc phần hội',
        field: 'festival.ceremonyHeld',
      });
    }
    if (festival.pilot && !festival.pilotChosenBy) {
      problems.push({
        code: 'activities.pilot_level_required',
        message: 'Ghi cấp đã chọn địa điểm làm điểm',
        field: 'festival.pilotChosenBy',
      });
    }
    if (!festival.pilot && festival.pilotChosenBy) {
      problems.push({
        code: 'activities.pilot_level_not_pilot',
        message: 'Chỉ ghi cấp chọn điểm khi Ngày hội được tổ chức làm điểm',
        field: 'festival.pilotChosenBy',
      });
    }
    if ((festival.giftsValueVnd ?? 0) > 0 && !festival.giftsCount) {
      problems.push({
        code: 'activities.gifts_count_required',
        message: 'Có giá trị quà tặng thì phải ghi số suất quà',
        field: 'festival.giftsCount',
      });
    }
  }
  if (facts.trait !== 'class' && facts.learners.length > 0) {
    problems.push({
      code: 'activities.learners_not_class',
      message: `Số học viên theo nhóm chỉ ghi cho lớp giáo dục pháp luật; "${facts.kindName}" không phải lớp học`,
      field: 'learners',
    });
  }
  const groups = new Set<string>();
  for (const learner of facts.learners) {
    if (groups.has(learner.group)) {
      problems.push({
        code: 'activities.learner_group_twice',
        message: `Nhóm "${LEARNER_GROUP_LABELS[learner.group]}" được ghi hai lần`,
        field: 'learners',
      });
    }
    groups.add(learner.group);
  }
  const learnerTotal = facts.learners.reduce((sum, learner) => sum + learner.count, 0);
  if (facts.participants !== null && learnerTotal > facts.participants) {
    problems.push({
      code: 'activities.learners_exceed_participants',
      message: `Tổng số học viên (${formatCount(learnerTotal)}) lớn hơn số lượt người tham gia (${formatCount(facts.participants)})`,
      field: 'learners',
    });
  }
  return problems;
}
