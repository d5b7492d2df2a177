/**
 * The kinds of files the platform accepts. A type is recognised from the bytes (file-type), never from the name or
 * the browser's Content-Type; the name's extension must then be one of the type's extensions, so "report.pdf" that
 * is really an executable, or "photo.jpg" that is really a PDF, is refused.
 */
export interface AllowedFileType {
  /** The MIME type that file-type reports for these bytes. */
  mime: string;
  /** Extensions (lower case, no dot) a file of this type may carry; the first is the canonical one. */
  extensions: string[];
  /** Images are re-encoded, which drops EXIF (GPS, camera serial numbers) and other metadata. */
  image: boolean;
  /** Videos keep their frames; their metadata boxes are blanked in place (see video-metadata.ts). */
  video?: boolean;
}

export const FILE_TYPES = {
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], image: true },
  png: { mime: 'image/png', extensions: ['png'], image: true },
  webp: { mime: 'image/webp', extensions: ['webp'], image: true },
  pdf: { mime: 'application/pdf', extensions: ['pdf'], image: false },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    image: false,
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    image: false,
  },
  mp4: { mime: 'video/mp4', extensions: ['mp4', 'm4v'], image: false, video: true },
  m4v: { mime: 'video/x-m4v', extensions: ['m4v', 'mp4'], image: false, video: true },
  mov: { mime: 'video/quicktime', extensions: ['mov', 'qt', 'mp4'], image: false, video: true },
  webm: { mime: 'video/webm', extensions: ['webm'], image: false, video: true },
} satisfies Record<string, AllowedFileType>;

/** Photos, scans of decisions and minutes, and office documents: what the registries attach. */
export const DOCUMENT_AND_IMAGE_TYPES: AllowedFileType[] = [
  FILE_TYPES.jpeg,
  FILE_TYPES.png,
  FILE_TYPES.webp,
  FILE_TYPES.pdf,
  FILE_TYPES.docx,
  FILE_TYPES.xlsx,
];

/** Short videos filmed on a phone (MP4, iPhone MOV, WebM recorded in a browser). */
export const VIDEO_TYPES: AllowedFileType[] = [
  FILE_TYPES.mp4,
  FILE_TYPES.m4v,
  FILE_TYPES.mov,
  FILE_TYPES.webm,
];

/** What a citizen may attach to a crime report: photos, videos and documents (PDF, Word). */
export const REPORT_EVIDENCE_TYPES: AllowedFileType[] = [
  FILE_TYPES.jpeg,
  FILE_TYPES.png,
  FILE_TYPES.webp,
  ...VIDEO_TYPES,
  FILE_TYPES.pdf,
  FILE_TYPES.docx,
];

/** Photos only (e.g. for a channel that should never receive documents). */
export const IMAGE_TYPES: AllowedFileType[] = [FILE_TYPES.jpeg, FILE_TYPES.png, FILE_TYPES.webp];

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The name as shown to people: the last path segment, NFC, no control characters, at most 200 characters.
 * It is display text only; the stored file never uses it.
 */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  if (cleaned.length <= 200) return cleaned;
  const extension = extensionOf(cleaned);
  const keep = extension ? 200 - extension.length - 1 : 200;
  return extension ? `${cleaned.slice(0, keep)}.${extension}` : cleaned.slice(0, 200);
}
