/**
 * Self-management models (mô hình tự quản, tự phòng, tự bảo vệ, tự hòa giải): their status over time, yearly
 * effectiveness, and the camera counts of camera models. The kinds themselves are data (table model_kinds).
 */
import { formatDateVi, type IsoDate } from './dates.js';
import type { RuleProblem } from './teams.js';

export const MODEL_STATUSES = ['active', 'paused', 'ended'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
export const MODEL_STATUS_LABELS: Record<ModelStatus, string> = {
  active: 'Đang hoạt động',
  paused: 'Tạm dừng',
  ended: 'Đã kết thúc',
};

export const MODEL_RATINGS = ['good', 'average', 'poor'] as const;
export type ModelRating = (typeof MODEL_RATINGS)[number];
export const MODEL_RATING_LABELS: Record<ModelRating, string> = {
  good: 'Hiệu quả tốt',
  average: 'Hiệu quả trung bình',
  poor: 'Kém hiệu quả',
};

/** The kinds installed on every database (table model_kinds); provinces add their own. "other" catches the rest. */
export const SEEDED_MODEL_KINDS: ReadonlyArray<{ code: string; name: string; isCamera: boolean }> = [
  { code: 'camera', name: 'Camera an ninh', isCamera: true },
  { code: 'crime_free_area', name: 'Khu dân cư không tội phạm và tệ nạn xã hội', isCamera: false },
  { code: 'safe_school', name: 'Trường học an toàn', isCamera: false },
  { code: 'three_safeties', name: '3 an toàn', isCamera: false },
  { code: 'workers_self_management', name: 'Đội công nhân tự quản', isCamera: false },
  { code: 'security_gong', name: 'Tiếng kẻng an ninh', isCamera: false },
  { code: 'neighbourhood_self_management', name: 'Xóm liên gia tự quản', isCamera: false },
  { code: 'other', name: 'Khác', isCamera: false },
];

export interface StatusChange {
  status: ModelStatus;
  /** The day the status took effect. */
  effectiveOn: IsoDate;
}

/** The status on a date: the latest change on or before it; null before the model started. */
export function statusOn(history: readonly StatusChange[], date: IsoDate): StatusChange | null {
  let current: StatusChange | null = null;
  for (const change of history) {
    if (change.effectiveOn <= date && (current === null || change.effectiveOn >= current.effectiveOn)) {
      current = change;
    }
  }
  return current;
}

/** Allowed moves: active ⇄ paused, either → ended; an ended model stays ended (a new start is a new model). */
const TRANSITIONS: Record<ModelStatus, readonly ModelStatus[]> = {
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

/** Whether the next change may follow the history (dates in order, the move allowed). */
export function checkStatusChange(history: readonly StatusChange[], next: StatusChange): RuleProblem | null {
  const last = history.reduce<StatusChange | null>(
    (latest, change) => (latest === null || change.effectiveOn >= latest.effectiveOn ? change : latest),
    null,
  );
  if (last === null) return null;
  if (next.effectiveOn < last.effectiveOn) {
    return {
      code: 'models.status_date_order',
      message: `Ngày ${formatDateVi(next.effectiveOn)} trước lần thay đổi trạng thái gần nhất (${formatDateVi(last.effectiveOn)})`,
      field: 'effectiveOn',
    };
  }
  if (!TRANSITIONS[last.status].includes(next.status)) {
    return {
      code: 'models.status_transition',
      message:
        last.status === 'ended'
          ? 'Mô hình đã kết thúc; muốn hoạt động lại hãy tạo mô hình mới (có thể ghi nhân rộng từ mô hình này)'
          : `Mô hình đang "${MODEL_STATUS_LABELS[last.status]}", không chuyển sang "${MODEL_STATUS_LABELS[next.status]}" được`,
      field: 'status',
    };
  }
  return null;
}

/** Camera points and cameras: required (whole numbers ≥ 0) for a camera kind, refused for any other. */
export function checkCameraCounts(input: {
  isCamera: boolean;
  kindName: string;
  cameraPoints: number | null | undefined;
  cameras: number | null | undefined;
}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const fields = [
    ['cameraPoints', input.cameraPoints, 'Số điểm camera'],
    ['cameras', input.cameras, 'Số camera'],
  ] as const;
  for (const [field, value, label] of fields) {
    const given = value !== null && value !== undefined;
    if (input.isCamera && !given) {
      problems.push({
        code: 'models.camera_count_required',
        message: `${label} là bắt buộc với mô hình "${input.kindName}"`,
        field,
      });
    } else if (input.isCamera && (!Number.isInteger(value) || (value as number) < 0)) {
      problems.push({
        code: 'models.camera_count_invalid',
        message: `${label} phải là số nguyên từ 0 trở lên`,
        field,
      });
    } else if (!input.isCamera && given) {
      problems.push({
        code: 'models.camera_count_not_camera',
        message: `${label} chỉ nhập cho mô hình camera; "${input.kindName}" không phải mô hình camera`,
        field,
      });
    }
  }
  return problems;
}
