/**
 * Pure rules of reports: naming a period the way reviews do ("6 tháng đầu năm 2026", "giai đoạn 2014–2023"), the
 * comparison period, the issuing body printed on the report, the change columns, the generated narrative, and the
 * built-in templates (the interim, yearly, phase and festival-day reviews), whose sections mirror what real reviews
 * print (../shared/DOMAIN.md, end).
 */
import { daysInMonth, formatDateVi, type IsoDate } from './dates.js';
import { formatDecimal, formatInteger } from './numbers.js';
import type { UnitKind } from './units.js';

export type PeriodKindCode = 'month' | 'quarter' | 'half_year' | 'year' | 'phase' | 'custom';
export type ComparisonCode = 'none' | 'same_period_last_year' | 'previous_period';

interface Ymd {
  year: number;
  month: number;
  day: number;
}

const parse = (iso: IsoDate): Ymd => ({
  year: Number(iso.slice(0, 4)),
  month: Number(iso.slice(5, 7)),
  day: Number(iso.slice(8, 10)),
});
const pad = (value: number) => String(value).padStart(2, '0');
const format = (date: Ymd): IsoDate => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

/** Whole months from `from` to `to` (the first of a month to the last of a month), else null. */
function wholeMonths(from: IsoDate, to: IsoDate): number | null {
  const a = parse(from);
  const b = parse(to);
  if (a.day !== 1 || b.day !== daysInMonth(b.year, b.month)) return null;
  const months = (b.year - a.year) * 12 + (b.month - a.month) + 1;
  return months > 0 ? months : null;
}

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** What kind of period the two dates make, and its Vietnamese name. */
export function describePeriod(from: IsoDate, to: IsoDate): { kind: PeriodKindCode; label: string } {
  const months = wholeMonths(from, to);
  const a = parse(from);
  const b = parse(to);
  if (months === 1) return { kind: 'month', label: `tháng ${a.month} năm ${a.year}` };
  if (months === 3 && (a.month - 1) % 3 === 0)
    return { kind: 'quarter', label: `quý ${QUARTERS[(a.month - 1) / 3]} năm ${a.year}` };
  if (months === 6 && (a.month === 1 || a.month === 7))
    return { kind: 'half_year', label: `6 tháng ${a.month === 1 ? 'đầu' : 'cuối'} năm ${a.year}` };
  if (months === 12 && a.month === 1) return { kind: 'year', label: `năm ${a.year}` };
  if (months !== null && months % 12 === 0 && a.month === 1)
    return { kind: 'phase', label: `giai đoạn ${a.year}–${b.year}` };
  return { kind: 'custom', label: `từ ngày ${formatDateVi(from)} đến ngày ${formatDateVi(to)}` };
}

function shiftMonths(date: Ymd, months: number, endOfMonth: boolean): Ymd {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return { year, month, day: endOfMonth ? last : Math.min(date.day, last) };
}

function shiftDays(iso: IsoDate, days: number): IsoDate {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The period compared with: the same dates one year earlier, or the period of the same length just before (whole
 * months shift by months, so "quý II" compares with "quý I"; any other range by days). Null for `none`.
 */
export function comparisonPeriod(
  from: IsoDate,
  to: IsoDate,
  comparison: ComparisonCode,
): { from: IsoDate; to: IsoDate } | null {
  if (comparison === 'none') return null;
  const a = parse(from);
  const b = parse(to);
  const bIsEnd = b.day === daysInMonth(b.year, b.month);
  if (comparison === 'same_period_last_year') {
    return { from: format(shiftMonths(a, -12, false)), to: format(shiftMonths(b, -12, bIsEnd)) };
  }
  const months = wholeMonths(from, to);
  if (months !== null) {
    return { from: format(shiftMonths(a, -months, false)), to: format(shiftMonths(b, -months, true)) };
  }
  const length =
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: shiftDays(from, -length), to: shiftDays(from, -1) };
}

/** The body printed at the top left of the report: the police of the unit ("CÔNG AN TỈNH …", "CÔNG AN XÃ …"). */
export function issuingBodyFor(unit: { kind: UnitKind; fullName: string } | null): string {
  if (unit === null) return 'BỘ CÔNG AN';
  const name = unit.fullName.toLocaleUpperCase('vi-VN');
  if (unit.kind === 'province' || unit.kind === 'district' || unit.kind === 'commune')
    return `CÔNG AN ${name}`;
  return name;
}

/** The change columns: difference, and percent of the previous value (null when there is none to divide by). */
export function changeOf(
  current: number,
  previous: number | null,
): { change: number | null; changePercent: number | null } {
  if (previous === null) return { change: null, changePercent: null };
  const change = Math.round((current - previous) * 10) / 10;
  return {
    change,
    changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10,
  };
}

/** 1.234 for counts, 12,5 for shares and decimals. */
export function formatFigure(value: number, unitOfMeasure: string): string {
  const number = Number.isInteger(value) ? formatInteger(value) : formatDecimal(value);
  return unitOfMeasure === '%' ? `${number}%` : `${number} ${unitOfMeasure}`;
}

export interface NarrativeLine {
  label: string;
  unitOfMeasure: string;
  current: number;
  previous: number | null;
  change: number | null;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi-VN') + text.slice(1);

/**
 * One sentence per section stating its first figures, with the change against the comparison period, e.g.
 * "Về tuyên truyền: tổ chức 1.234 buổi tuyên truyền (tăng 12 buổi so với cùng kỳ), …".
 */
export function narrativeSentence(
  sectionTitle: string,
  lines: readonly NarrativeLine[],
  comparisonName: string | null,
  maxLines = 5,
): string | null {
  const figures = lines.slice(0, maxLines).map((line) => {
    let text = `${lowerFirst(line.label)}: ${formatFigure(line.current, line.unitOfMeasure)}`;
    if (comparisonName !== null && line.previous !== null && line.change !== null) {
      const unit = line.unitOfMeasure === '%' ? ' điểm phần trăm' : ` ${line.unitOfMeasure}`;
      const amount = Number.isInteger(line.change)
        ? formatInteger(Math.abs(line.change))
        : formatDecimal(Math.abs(line.change));
      text +=
        line.change === 0
          ? ` (bằng ${comparisonName})`
          : ` (${line.change > 0 ? 'tăng' : 'giảm'} ${amount}${unit} so với ${comparisonName})`;
    }
    return text;
  });
  if (figures.length === 0) return null;
  const title = sectionTitle.replace(/^[IVXLC]+\.\s*/, '');
  return `Về ${lowerFirst(title)}: ${figures.join('; ')}.`;
}

// ---- built-in templates ------------------------------------------------------------------------------------------

export interface TemplateRowSpec {
  indicator: string;
  dimensionValue?: string | null;
  label?: string;
}
export interface TemplateSectionSpec {
  title: string;
  layout: 'indicators' | 'by_unit';
  rows: TemplateRowSpec[];
}
export interface BuiltInTemplate {
  code: string;
  title: string;
  description: string;
  periodKind: PeriodKindCode;
  comparison: ComparisonCode;
  sections: TemplateSectionSpec[];
}

const row = (indicator: string, dimensionValue: string | null = null, label?: string): TemplateRowSpec => ({
  indicator,
  ...(dimensionValue === null ? {} : { dimensionValue }),
  ...(label === undefined ? {} : { label }),
});

const FORCES: TemplateSectionSpec = {
  title: 'I. Công tác chỉ đạo và xây dựng lực lượng nòng cốt',
  layout: 'indicators',
  rows: [
    row('steering_committees', null, 'Ban Chỉ đạo được kiện toàn, đang hoạt động'),
    row('committee_meetings', null, 'Cuộc họp Ban Chỉ đạo'),
    row('teams', null, 'Tổ, đội, ban đang hoạt động'),
    row('teams', 'grassroots_security_team'),
    row('team_members_by_kind', 'grassroots_security_team', 'Thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở'),
    row('teams', 'part_time_commune_police'),
    row('team_members_by_kind', 'part_time_commune_police', 'Người làm Công an xã bán chuyên trách'),
    row('teams', 'urban_block_guard_board'),
    row('team_members_by_kind', 'urban_block_guard_board', 'Thành viên Ban bảo vệ dân phố'),
    row('teams', 'unit_guard_team'),
    row('teams', 'people_security_group'),
    row('teams', 'mediation_group'),
    row('team_members', null, 'Tổng số thành viên lực lượng nòng cốt'),
  ],
};

const MODELS: TemplateSectionSpec = {
  title: 'II. Xây dựng, nhân rộng mô hình tự quản, điển hình tiên tiến',
  layout: 'indicators',
  rows: [
    row('models', null, 'Mô hình tự quản đang duy trì'),
    row('models_new', null, 'Mô hình mới xây dựng trong kỳ'),
    row('model_units'),
    row('exemplary_models'),
    row('camera_points'),
    row('cameras'),
  ],
};

const ACTIVITIES: TemplateSectionSpec = {
  title: 'III. Tuyên truyền, vận động và các hoạt động của phong trào',
  layout: 'indicators',
  rows: [
    row('activities', 'outreach', 'Buổi tuyên truyền, vận động'),
    row('activity_participants', 'outreach', 'Lượt người dự tuyên truyền'),
    row('activities', 'movement_launch', 'Nơi tổ chức phát động phong trào'),
    row('activity_participants', 'movement_launch', 'Lượt người dự lễ phát động'),
    row('festival_sites', null, 'Địa điểm tổ chức Ngày hội toàn dân bảo vệ ANTQ'),
    row('activities', 'law_contest', 'Hội thi tìm hiểu pháp luật'),
    row('activities', 'conference', 'Hội nghị'),
    row('activity_participants', 'conference', 'Lượt người dự hội nghị'),
    row('activities', 'legal_class', 'Lớp giáo dục pháp luật'),
    row('learners', null, 'Học viên lớp giáo dục pháp luật'),
    row('activities', 'citizens_hearing', 'Buổi "Công an lắng nghe ý kiến Nhân dân"'),
  ],
};

const STANDARD: TemplateSectionSpec = {
  title: 'IV. Xây dựng tiêu chuẩn "An toàn về an ninh, trật tự" và phân loại phong trào',
  layout: 'indicators',
  rows: [
    row('standard_units', null, 'Đơn vị thuộc diện xây dựng tiêu chuẩn'),
    row('standard_records', null, 'Đơn vị đăng ký xây dựng tiêu chuẩn'),
    row('standard_registered_share', null, 'Tỷ lệ đăng ký'),
    row('standard_records', 'recognised', 'Đơn vị được công nhận đạt tiêu chuẩn'),
    row('standard_recognised_share', null, 'Tỷ lệ được công nhận'),
    row('classification_levels', 'excellent', 'Đơn vị phân loại phong trào Xuất sắc'),
    row('classification_levels', 'good', 'Đơn vị phân loại phong trào Khá'),
    row('classification_levels', 'average', 'Đơn vị phân loại phong trào Trung bình'),
  ],
};

const CRIME: TemplateSectionSpec = {
  title: 'V. Tiếp nhận, xử lý tin báo, tố giác tội phạm',
  layout: 'indicators',
  rows: [
    row('crime_reports_received', null, 'Tin báo, tố giác tội phạm tiếp nhận'),
    row('crime_reports_valuable', null, 'Tin báo có giá trị'),
    row('crime_cases_solved', null, 'Vụ việc được làm rõ'),
    row('crime_persons_arrested', null, 'Người bị bắt giữ, xử lý'),
    row('crime_property_recovered', null, 'Giá trị tài sản thu hồi'),
  ],
};

const FEEDBACK: TemplateSectionSpec = {
  title: 'VI. Lắng nghe, giải quyết ý kiến, phản ánh của Nhân dân',
  layout: 'indicators',
  rows: [
    row('feedback_received', null, 'Ý kiến, phản ánh tiếp nhận'),
    row('feedback_answered', null, 'Ý kiến, phản ánh đã trả lời'),
  ],
};

const AWARDS: TemplateSectionSpec = {
  title: 'VII. Công tác khen thưởng',
  layout: 'indicators',
  rows: [
    row('awards_collective', null, 'Tập thể được khen thưởng'),
    row('awards_individual', null, 'Cá nhân được khen thưởng'),
    row('awards_by_form', 'certificate_of_merit', 'Bằng khen'),
    row('awards_by_form', 'letter_of_praise', 'Giấy khen'),
  ],
};

const BY_UNIT: TemplateSectionSpec = {
  title: 'Phụ lục: Số liệu theo đơn vị',
  layout: 'by_unit',
  rows: [
    row('teams', null, 'Tổ, đội, ban'),
    row('team_members', null, 'Thành viên'),
    row('models', null, 'Mô hình'),
    row('activities', null, 'Hoạt động'),
    row('activity_participants', null, 'Lượt người tham gia'),
    row('crime_reports_received', null, 'Tin báo tiếp nhận'),
    row('standard_records', 'recognised', 'Đơn vị đạt "An toàn về ANTT"'),
  ],
};

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    code: 'interim_review',
    title: 'Báo cáo sơ kết 6 tháng phong trào Toàn dân bảo vệ an ninh Tổ quốc',
    description: 'Sơ kết 6 tháng: số liệu trong kỳ so với cùng kỳ năm trước, và số liệu theo đơn vị.',
    periodKind: 'half_year',
    comparison: 'same_period_last_year',
    sections: [FORCES, MODELS, ACTIVITIES, CRIME, FEEDBACK, AWARDS, BY_UNIT],
  },
  {
    code: 'yearly_review',
    title: 'Báo cáo tổng kết năm phong trào Toàn dân bảo vệ an ninh Tổ quốc',
    description:
      'Tổng kết năm: lực lượng, mô hình, hoạt động, tiêu chuẩn "An toàn về an ninh, trật tự", tin báo, ý kiến Nhân dân, khen thưởng; so với năm trước.',
    periodKind: 'year',
    comparison: 'same_period_last_year',
    sections: [FORCES, MODELS, ACTIVITIES, STANDARD, CRIME, FEEDBACK, AWARDS, BY_UNIT],
  },
  {
    code: 'phase_review',
    title: 'Báo cáo tổng kết giai đoạn phong trào Toàn dân bảo vệ an ninh Tổ quốc',
    description:
      'Tổng kết nhiều năm (ví dụ giai đoạn 2014–2023): số liệu cộng dồn của cả giai đoạn; số liệu tồn (lực lượng, mô hình) tại ngày cuối giai đoạn.',
    periodKind: 'phase',
    comparison: 'none',
    sections: [FORCES, MODELS, ACTIVITIES, STANDARD, CRIME, FEEDBACK, AWARDS, BY_UNIT],
  },
  {
    code: 'festival_day',
    title: 'Báo cáo kết quả tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc',
    description: 'Ngày hội 19/8: địa điểm tổ chức (làm điểm, thường), lượt người tham gia; so với năm trước.',
    periodKind: 'custom',
    comparison: 'same_period_last_year',
    sections: [
      {
        title: 'I. Kết quả tổ chức Ngày hội',
        layout: 'indicators',
        rows: [
          row('festival_sites', null, 'Địa điểm tổ chức Ngày hội'),
          row('festival_sites', 'pilot', 'Trong đó tổ chức làm điểm'),
          row('activities', 'festival_day', 'Buổi tổ chức Ngày hội'),
          row('activity_participants', 'festival_day', 'Lượt người tham gia Ngày hội'),
          row('awards_collective', null, 'Tập thể được khen thưởng'),
          row('awards_individual', null, 'Cá nhân được khen thưởng'),
        ],
      },
      {
        title: 'Phụ lục: Ngày hội theo đơn vị',
        layout: 'by_unit',
        rows: [
          row('festival_sites', null, 'Địa điểm'),
          row('festival_sites', 'pilot', 'Làm điểm'),
          row('activity_participants', 'festival_day', 'Lượt người tham gia'),
        ],
      },
    ],
  },
];
