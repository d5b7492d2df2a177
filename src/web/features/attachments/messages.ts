/** The words of the attachments panel, in both languages. */
import { formatDecimal, formatInteger } from '../../../domain/numbers';

function size(bytes: number, units: readonly [string, string, string]): string {
  if (bytes < 1024) return `${formatInteger(bytes)} ${units[0]}`;
  if (bytes < 1024 * 1024) return `${formatDecimal(Math.round(bytes / 102.4) / 10)} ${units[1]}`;
  return `${formatDecimal(Math.round(bytes / (1024 * 104.8576)) / 10)} ${units[2]}`;
}

const vi = {
  title: (count: number) => `Tệp đính kèm (${formatInteger(count)})`,
  upload: 'Tải tệp lên',
  uploading: 'Đang tải lên',
  caption: 'Chú thích cho tệp sắp tải (không bắt buộc)',
  captionPlaceholder: 'Chú thích tệp (không bắt buộc)',
  hint: 'Ảnh JPEG, PNG, WebP; PDF, Word, Excel. Ảnh được xóa thông tin vị trí (GPS) trước khi lưu; chỉ người trong phạm vi mới xem được.',
  empty: 'Chưa có tệp nào.',
  download: 'Tải về',
  remove: 'Xóa',
  removeConfirm: (name: string) => `Xóa tệp "${name}"?`,
  removed: 'Đã xóa tệp.',
  uploaded: (name: string) => `Đã tải lên "${name}".`,
  size: (bytes: number) => size(bytes, ['byte', 'KB', 'MB']),
  cancel: 'Hủy',
  photos: 'Ảnh',
  files: 'Tài liệu',
};

const en: typeof vi = {
  title: (count: number) => `Attachments (${formatInteger(count)})`,
  upload: 'Upload a file',
  uploading: 'Uploading',
  caption: 'Caption for the next upload (optional)',
  captionPlaceholder: 'Caption (optional)',
  hint: 'JPEG, PNG, WebP images; PDF, Word, Excel. Location data (GPS) is removed from images before they are stored; only people in scope can see them.',
  empty: 'No file yet.',
  download: 'Download',
  remove: 'Remove',
  removeConfirm: (name: string) => `Remove "${name}"?`,
  removed: 'File removed.',
  uploaded: (name: string) => `"${name}" uploaded.`,
  size: (bytes: number) => size(bytes, ['bytes', 'KB', 'MB']),
  cancel: 'Cancel',
  photos: 'Photos',
  files: 'Documents',
};

export const attachmentMessages = { vi, en };
