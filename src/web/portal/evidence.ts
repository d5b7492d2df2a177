/** What a reporter may attach, checked in the browser before sending (the server checks the bytes again). */
import type { UploadLimits } from '../../contracts/portal';

export const EVIDENCE_ACCEPT =
  'image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/webm,.mov,.mp4,.webm,application/pdf,.pdf,.docx';

export const DEFAULT_LIMITS: UploadLimits = { maxFiles: 10, fileMaxMegabytes: 10, videoMaxMegabytes: 20 };

const isVideo = (file: File) => file.type.startsWith('video/') || /\.(mp4|m4v|mov|qt|webm)$/i.test(file.name);

/** The reason a file cannot be sent, or null. */
export function evidenceProblem(file: File, limits: UploadLimits): string | null {
  const video = isVideo(file);
  const limit = video ? limits.videoMaxMegabytes : limits.fileMaxMegabytes;
  if (file.size > limit * 1024 * 1024)
    return `${file.name}: ${video ? 'video' : 'ảnh, tài liệu'} tối đa ${limit} MB`;
  return null;
}

export function limitsText(limits: UploadLimits): string {
  return `tối đa ${limits.maxFiles} tệp; ảnh, tài liệu mỗi tệp ${limits.fileMaxMegabytes} MB, video ${limits.videoMaxMegabytes} MB`;
}
