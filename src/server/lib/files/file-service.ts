/**
 * Accepting a file from a person: size limit, type recognised from the bytes against an allow-list, the name's
 * extension checked against that type, a virus-scan hook, images re-encoded without their metadata (EXIF, GPS,
 * XMP, IPTC), optional encryption at rest; then the bytes go to the FileStore under a random id.
 *
 * The caller keeps the answer (StoredFile) in its own row, inside its own transaction; when that transaction fails
 * it calls `discard` so that no orphaned bytes stay behind.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { invalid, notFound } from '../../../domain/errors.js';
import type { FieldCipher } from '../crypto.js';
import { DiskFileStore, type FileStore } from './file-store.js';
import { type AllowedFileType, cleanFileName, DOCUMENT_AND_IMAGE_TYPES, extensionOf } from './file-types.js';
import { stripVideoMetadata, UnreadableVideo } from './video-metadata.js';
import { NoOpVirusScanner, type VirusScanner } from './virus-scan.js';

export interface FileServiceOptions {
  store: FileStore;
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Default allow-list; a call may narrow it. */
  allowedTypes?: AllowedFileType[];
  scanner?: VirusScanner;
  /** Needed only by callers that ask for encryption at rest. */
  cipher?: FieldCipher;
}

export interface AcceptOptions {
  /**
   * Also store the untouched bytes, metadata included, beside the cleaned copy (e.g. where the original is evidence).
   * Default false: the original bytes of an image are never written anywhere.
   */
  keepOriginal?: boolean;
  /** Encrypt the stored bytes with the installation key (FieldCipher, AES-256-GCM). */
  encrypt?: boolean;
  /** Narrower allow-list for this call. */
  allowedTypes?: AllowedFileType[];
  /** Size limit of videos for this call, when they are allowed (the service's limit otherwise). */
  videoMaxBytes?: number;
}

/** What a caller keeps in its row to find, serve and delete the file later. */
export interface StoredFile {
  storageKey: string;
  /** Set only when `keepOriginal` was asked for and the file was changed by cleaning. */
  originalStorageKey: string | null;
  /** Display name, cleaned; never used as a path. */
  fileName: string;
  contentType: string;
  /** Size of the served (cleaned, unencrypted) bytes. */
  sizeBytes: number;
  /** SHA-256 (hex) of the served bytes. */
  sha256: string;
  encrypted: boolean;
  /** Name of the scanner that passed the file ("none" for the no-op default). */
  scannedBy: string;
}

export interface StoredFileRef {
  storageKey: string;
  originalStorageKey?: string | null;
  encrypted: boolean;
}

/** Decompression bombs: a small file that decodes to a huge bitmap is refused (about 50 megapixels). */
const MAX_IMAGE_PIXELS = 50_000_000;

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

export class FileService {
  private readonly store: FileStore;
  private readonly maxBytes: number;
  private readonly allowedTypes: AllowedFileType[];
  private readonly scanner: VirusScanner;
  private readonly cipher: FieldCipher | undefined;

  constructor(options: FileServiceOptions) {
    this.store = options.store;
    this.maxBytes = options.maxBytes;
    this.allowedTypes = options.allowedTypes ?? DOCUMENT_AND_IMAGE_TYPES;
    this.scanner = options.scanner ?? new NoOpVirusScanner();
    this.cipher = options.cipher;
  }

  get maxSizeBytes(): number {
    return this.maxBytes;
  }

  /** Checks, cleans and stores the file. Throws a 400 error naming the field "file" when it is refused. */
  async accept(input: { fileName: string; bytes: Buffer }, options: AcceptOptions = {}): Promise<StoredFile> {
    const { bytes } = input;
    const fileName = cleanFileName(input.fileName);
    if (bytes.length === 0) throw invalid('file.empty', 'Tệp tải lên không có nội dung', 'file');
    const tooLarge = (limit: number) =>
      invalid(
        'file.too_large',
        `Tệp lớn hơn giới hạn ${megabytes(limit)} MB (tệp gửi lên ${megabytes(bytes.length)} MB)`,
        'file',
      );
    // The largest limit first, before reading the bytes; the limit of the type once it is known.
    const ceiling = Math.max(this.maxBytes, options.videoMaxBytes ?? 0);
    if (bytes.length > ceiling) throw tooLarge(ceiling);
    if (!fileName) throw invalid('file.name_required', 'Tệp phải có tên', 'file');
    if (options.encrypt && !this.cipher)
      throw new Error('FileService: encryption asked for without a cipher');

    const allowed = options.allowedTypes ?? this.allowedTypes;
    const detected = await fileTypeFromBuffer(bytes);
    const type = detected ? allowed.find((candidate) => candidate.mime === detected.mime) : undefined;
    if (!type) {
      throw invalid(
        'file.type_not_allowed',
        `Loại tệp không được chấp nhận; chỉ nhận: ${allowed.map((t) => t.extensions[0]).join(', ')}`,
        'file',
      );
    }
    const limit = type.video ? (options.videoMaxBytes ?? this.maxBytes) : this.maxBytes;
    if (bytes.length > limit) throw tooLarge(limit);
    const extension = extensionOf(fileName);
    if (!type.extensions.includes(extension)) {
      throw invalid(
        'file.extension_mismatch',
        `Đuôi tệp ".${extension}" không khớp với nội dung tệp (nội dung là tệp ${type.extensions[0]?.toUpperCase()})`,
        'file',
      );
    }

    const verdict = await this.scanner.scan(bytes);
    if (!verdict.clean) {
      throw invalid('file.infected', 'Tệp bị phát hiện chứa mã độc nên không được lưu', 'file');
    }

    const served = type.image
      ? await this.cleanImage(bytes, type)
      : type.video
        ? this.cleanVideo(bytes, type)
        : bytes;
    const written: string[] = [];
    try {
      const storageKey = await this.store.put(this.seal(served, options.encrypt === true));
      written.push(storageKey);
      let originalStorageKey: string | null = null;
      if (options.keepOriginal && served !== bytes) {
        originalStorageKey = await this.store.put(this.seal(bytes, options.encrypt === true));
        written.push(originalStorageKey);
      }
      return {
        storageKey,
        originalStorageKey,
        fileName,
        contentType: type.mime,
        sizeBytes: served.length,
        sha256: createHash('sha256').update(served).digest('hex'),
        encrypted: options.encrypt === true,
        scannedBy: this.scanner.name,
      };
    } catch (error) {
      await Promise.all(written.map((id) => this.store.delete(id)));
      throw error;
    }
  }

  private cleanVideo(bytes: Buffer, type: AllowedFileType): Buffer {
    try {
      return stripVideoMetadata(bytes, type.mime);
    } catch (error) {
      if (!(error instanceof UnreadableVideo)) throw error;
      throw invalid(
        'file.video_unreadable',
        'Không đọc được video: tệp hỏng hoặc không đúng định dạng',
        'file',
      );
    }
  }

  /** The bytes to serve (cleaned, decrypted). A missing file is a 404, like a missing row. */
  async read(file: StoredFileRef): Promise<Buffer> {
    return this.readKey(file.storageKey, file.encrypted);
  }

  /** The untouched original, when it was kept. */
  async readOriginal(file: StoredFileRef): Promise<Buffer> {
    if (!file.originalStorageKey) throw notFound('file.not_found', 'Không tìm thấy tệp');
    return this.readKey(file.originalStorageKey, file.encrypted);
  }

  /** Removes the stored bytes (cleaned copy and original). */
  async discard(file: StoredFileRef): Promise<void> {
    await this.store.delete(file.storageKey);
    if (file.originalStorageKey) await this.store.delete(file.originalStorageKey);
  }

  private async readKey(key: string, encrypted: boolean): Promise<Buffer> {
    const stored = await this.store.get(key);
    if (!stored) throw notFound('file.not_found', 'Không tìm thấy tệp');
    if (!encrypted) return stored;
    if (!this.cipher) throw new Error('FileService: encrypted file read without a cipher');
    return this.cipher.decryptBytes(stored);
  }

  private seal(bytes: Buffer, encrypt: boolean): Buffer {
    return encrypt && this.cipher ? this.cipher.encryptBytes(bytes) : bytes;
  }

  /**
   * Decodes and re-encodes the image. sharp writes no metadata unless asked to, so EXIF (GPS position, camera
   * serial), XMP and IPTC are gone; the EXIF orientation is applied to the pixels first so the photo stays upright.
   */
  private async cleanImage(bytes: Buffer, type: AllowedFileType): Promise<Buffer> {
    try {
      const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
      if (type.mime === 'image/jpeg') return await image.jpeg({ quality: 90 }).toBuffer();
      if (type.mime === 'image/png') return await image.png().toBuffer();
      if (type.mime === 'image/webp') return await image.webp({ quality: 90 }).toBuffer();
      throw new Error(`no encoder for ${type.mime}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('no encoder')) throw error;
      throw invalid('file.image_unreadable', 'Không đọc được ảnh: tệp hỏng hoặc ảnh quá lớn', 'file');
    }
  }
}

/** The installation's file service: disk store under `<ANTQ_DATA_DIR>/files`, the configured size limit. */
export function createFileService(
  config: { filesDir: string; attachmentMaxMegabytes: number },
  cipher: FieldCipher,
  scanner: VirusScanner = new NoOpVirusScanner(),
): FileService {
  return new FileService({
    store: new DiskFileStore(config.filesDir),
    maxBytes: config.attachmentMaxMegabytes * 1024 * 1024,
    cipher,
    scanner,
  });
}
