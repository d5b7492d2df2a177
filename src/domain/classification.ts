/**
 * Movement classification (phân loại phong trào, Quyết định 510/QĐ-BCA-V05 and provincial versions): a 100-point
 * scoring sheet per kind of unit, a score per item, a proposed level from configurable point thresholds, approval
 * up the hierarchy. Pure rules; sheets and levels are data.
 */
import type { Problem } from './recognition.js';

export const SHEET_TOTAL_POINTS = 100;

export const LEVEL_CODES = ['excellent', 'good', 'average', 'weak'] as const;
export type LevelCode = (typeof LEVEL_CODES)[number];

export interface LevelSetting {
  code: LevelCode;
  label: string;
  /** Lowest total (inclusive) that reaches the level. */
  minPoints: number;
  enabled: boolean;
}

/**
 * Seed thresholds. The levels are the ones used in practice; the point thresholds were not found in any public
 * text, so they are configuration and these are only starting values.
 */
export const DEFAULT_LEVELS: readonly LevelSetting[] = [
  { code: 'excellent', label: 'Xuất sắc', minPoints: 90, enabled: true },
  { code: 'good', label: 'Khá', minPoints: 70, enabled: true },
  { code: 'average', label: 'Trung bình', minPoints: 50, enabled: true },
  { code: 'weak', label: 'Yếu', minPoints: 0, enabled: false },
];

export const CLASSIFICATION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ClassificationStatus = (typeof CLASSIFICATION_STATUSES)[number];
export const CLASSIFICATION_STATUS_LABELS: Record<ClassificationStatus, string> = {
  draft: 'Đang chấm điểm',
  submitted: 'Đã gửi, chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã phê duyệt',
};

export interface SheetItem {
  id: number;
  code: string;
  maxPoints: number;
}

/** The level a total reaches: the highest enabled level whose threshold it meets, else the lowest enabled one. */
export function levelFor(total: number, levels: readonly LevelSetting[]): LevelSetting | null {
  const enabled = levels.filter((level) => level.enabled).sort((a, b) => b.minPoints - a.minPoints);
  if (enabled.length === 0) return null;
  return enabled.find((level) => total >= level.minPoints) ?? enabled.at(-1)!;
}

export function levelProblems(levels: readonly LevelSetting[]): Problem[] {
  const problems: Problem[] = [];
  const enabled = levels.filter((level) => level.enabled);
  if (enabled.length < 2) {
    problems.push({ code: 'levels.too_few', message: 'Cần ít nhất hai mức xếp loại', field: 'levels' });
  }
  const order = LEVEL_CODES.filter((code) => enabled.some((level) => level.code === code));
  for (let index = 1; index < order.length; index++) {
    const higher = enabled.find((level) => level.code === order[index - 1])!;
    const lower = enabled.find((level) => level.code === order[index])!;
    if (lower.minPoints >= higher.minPoints) {
      problems.push({
        code: 'levels.order',
        message: `Ngưỡng điểm mức "${lower.label}" phải thấp hơn mức "${higher.label}"`,
        field: 'levels',
      });
    }
  }
  for (const level of levels) {
    if (level.minPoints < 0 || level.minPoints > SHEET_TOTAL_POINTS) {
      problems.push({
        code: 'levels.range',
        message: `Ngưỡng điểm mức "${level.label}" phải từ 0 đến ${SHEET_TOTAL_POINTS}`,
        field: 'levels',
      });
    }
  }
  return problems;
}

/** Points are in halves at most: 0; 0,5; 1… — the sheets score in whole or half points. */
export function scoreProblems(item: SheetItem, points: number): Problem[] {
  if (points < 0 || points > item.maxPoints) {
    return [
      {
        code: 'classification.points_range',
        message: `Điểm của mục ${item.code} phải từ 0 đến ${String(item.maxPoints).replace('.', ',')}`,
        field: `scores.${item.id}`,
      },
    ];
  }
  if (Math.round(points * 2) !== points * 2) {
    return [
      {
        code: 'classification.points_step',
        message: `Điểm của mục ${item.code} chỉ được chấm đến nửa điểm`,
        field: `scores.${item.id}`,
      },
    ];
  }
  return [];
}

export function totalPoints(scores: Iterable<number>): number {
  let total = 0;
  for (const points of scores) total += points;
  return Math.round(total * 2) / 2;
}

/** A sheet is usable when its items add up to 100 points. */
export function sheetProblems(items: readonly SheetItem[]): Problem[] {
  const sum = totalPoints(items.map((item) => item.maxPoints));
  return sum === SHEET_TOTAL_POINTS
    ? []
    : [
        {
          code: 'classification.sheet_total',
          message: `Tổng điểm tối đa của phiếu phải là ${SHEET_TOTAL_POINTS} (hiện là ${String(sum).replace('.', ',')})`,
          field: 'items',
        },
      ];
}
