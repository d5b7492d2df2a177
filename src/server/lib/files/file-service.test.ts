import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  browserVideo,
  phoneVideo,
  VIDEO_CAMERA,
  VIDEO_GPS,
  WEBM_TITLE,
} from '../../../../test/helpers/videos.js';
import { AppError } from '../../../domain/errors.js';
import { FieldCipher } from '../crypto.js';
import { FileService } from './file-service.js';
import { DiskFileStore } from './file-store.js';
import { IMAGE_TYPES, VIDEO_TYPES } from './file-types.js';
import type { VirusScanner } from './virus-scan.js';

const root = mkdtempSync(path.join(tmpdir(), 'antq-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function service(options: { scanner?: VirusScanner; maxBytes?: number } = {}) {
  const folder = mkdtempSync(path.join(root, 'store-'));
  const files = new FileService({
    store: new DiskFileStore(folder),
    maxBytes: options.maxBytes ?? 1024 * 1024,
    cipher: new FieldCipher(randomBytes(32)),
    ...(options.scanner ? { scanner: options.scanner } : {}),
  });
  const storedFiles = () =>
    readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return { files, folder, storedFiles };
}

/** A photo as a phone takes it: camera make and the GPS position of where it was taken, in EXIF. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Model X' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '16/1 4/1 12/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '108/1 13/1 5/1',
      },
    })
    .toBuffer();
}

/** Whether the EXIF block holds a GPS directory: tag 0x8825 among the entries of IFD0. */
function hasGpsDirectory(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') >= 0 ? exif.indexOf('Exif\0\0') + 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  const count = u16(ifd0);
  for (let entry = 0; entry < count; entry++) {
    if (u16(ifd0 + 2 + entry * 12) === 0x8825) return true;
  }
  return false;
}

const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('FileService', () => {
  it('refuses a file whose extension lies about its content, and writes nothing', async () => {
    const { files, storedFiles } = service();
    const error = await refusal(files.accept({ fileName: 'anh-hien-truong.jpg', bytes: pdfBytes }));
    expect(error.kind).toBe('invalid');
    expect(error.code).toBe('file.extension_mismatch');
    expect(error.field).toBe('file');
    expect(error.message).toContain('không khớp');
    const photo = await jpegWithGps();
    expect((await refusal(files.accept({ fileName: 'bien-ban.pdf', bytes: photo }))).code).toBe(
      'file.extension_mismatch',
    );
    expect(storedFiles()).toHaveLength(0);
  });

  it('refuses content outside the allow-list, however it is named', async () => {
    const { files } = service();
    const executable = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(62),
      Buffer.from('PE\0\0'),
      randomBytes(200),
    ]);
    expect((await refusal(files.accept({ fileName: 'quyet-dinh.pdf', bytes: executable }))).code).toBe(
      'file.type_not_allowed',
    );
    expect(
      (await refusal(files.accept({ fileName: 'ghi-chu.txt', bytes: Buffer.from('xin chào') }))).code,
    ).toBe('file.type_not_allowed');
    // A narrower list for one call: a PDF is refused where only photos are wanted.
    const error = await refusal(
      files.accept({ fileName: 'a.pdf', bytes: pdfBytes }, { allowedTypes: IMAGE_TYPES }),
    );
    expect(error.code).toBe('file.type_not_allowed');
  });

  it('refuses a file above the size limit and an empty one', async () => {
    const { files } = service({ maxBytes: 50 });
    const error = await refusal(files.accept({ fileName: 'a.pdf', bytes: pdfBytes }));
    expect(error.code).toBe('file.too_large');
    expect(error.field).toBe('file');
    expect((await refusal(files.accept({ fileName: 'a.pdf', bytes: Buffer.alloc(0) }))).code).toBe(
      'file.empty',
    );
  });

  it('gives a JPEG with GPS EXIF back without it, and does not keep the original by default', async () => {
    const { files, storedFiles } = service();
    const photo = await jpegWithGps();
    const before = await sharp(photo).metadata();
    expect(hasGpsDirectory(before.exif)).toBe(true);
    expect(photo.includes(Buffer.from('PhoneMaker'))).toBe(true);

    const stored = await files.accept({ fileName: 'ngay-hoi.JPG', bytes: photo });
    expect(stored.contentType).toBe('image/jpeg');
    expect(stored.originalStorageKey).toBeNull();
    const served = await files.read(stored);
    const after = await sharp(served).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.width).toBe(40);
    expect(after.exif).toBeUndefined();
    expect(hasGpsDirectory(after.exif)).toBe(false);
    expect(served.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(served.includes(Buffer.from('Exif\0\0'))).toBe(false);
    // Only the cleaned copy is on disk: the bytes with the position were never written.
    expect(storedFiles()).toHaveLength(1);
    for (const entry of storedFiles()) {
      const onDisk = readFileSync(path.join(entry.parentPath, entry.name));
      expect(onDisk.includes(Buffer.from('PhoneMaker'))).toBe(false);
    }
  });

  it('keeps the untouched original only when asked to', async () => {
    const { files, storedFiles } = service();
    const photo = await jpegWithGps();
    const stored = await files.accept({ fileName: 'chung-cu.jpg', bytes: photo }, { keepOriginal: true });
    expect(stored.originalStorageKey).not.toBeNull();
    expect(storedFiles()).toHaveLength(2);
    expect((await files.readOriginal(stored)).equals(photo)).toBe(true);
    expect((await sharp(await files.read(stored)).metadata()).exif).toBeUndefined();
    await files.discard(stored);
    expect(storedFiles()).toHaveLength(0);
    expect((await refusal(files.read(stored))).kind).toBe('not_found');
  });

  it('encrypts at rest when asked: the disk holds no readable bytes, reading gives them back', async () => {
    const { files, storedFiles } = service();
    const stored = await files.accept({ fileName: 'to-giac.pdf', bytes: pdfBytes }, { encrypt: true });
    expect(stored.encrypted).toBe(true);
    const [entry] = storedFiles();
    const onDisk = readFileSync(path.join(entry!.parentPath, entry!.name));
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
    expect((await files.read(stored)).equals(pdfBytes)).toBe(true);
  });

  it('stores under random ids that cannot be turned into paths', async () => {
    const { files, folder } = service();
    const first = await files.accept({ fileName: 'a.pdf', bytes: pdfBytes });
    const second = await files.accept({ fileName: 'a.pdf', bytes: pdfBytes });
    expect(first.storageKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(first.storageKey).not.toBe(second.storageKey);
    const store = new DiskFileStore(folder);
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.get(first.storageKey)).not.toBeNull();
  });

  it('runs the virus-scan hook and stores nothing when it finds a threat', async () => {
    const scanner: VirusScanner = {
      name: 'test-scanner',
      scan: async (bytes) =>
        bytes.includes(Buffer.from('EICAR')) ? { clean: false, threat: 'EICAR-Test' } : { clean: true },
    };
    const { files, storedFiles } = service({ scanner });
    const infected = Buffer.concat([pdfBytes, Buffer.from('EICAR')]);
    expect((await refusal(files.accept({ fileName: 'a.pdf', bytes: infected }))).code).toBe('file.infected');
    expect(storedFiles()).toHaveLength(0);
    const clean = await files.accept({ fileName: 'a.pdf', bytes: pdfBytes });
    expect(clean.scannedBy).toBe('test-scanner');
  });

  it('keeps a clean display name and refuses a corrupt image', async () => {
    const { files } = service();
    const stored = await files.accept({ fileName: '../../Biên bản\u0000 họp.pdf', bytes: pdfBytes });
    expect(stored.fileName).toBe('Biên bản họp.pdf');
    const photo = await jpegWithGps();
    const broken = Buffer.concat([photo.subarray(0, 200), randomBytes(50)]);
    expect((await refusal(files.accept({ fileName: 'x.jpg', bytes: broken }))).code).toBe(
      'file.image_unreadable',
    );
  });

  it('blanks the GPS position, camera and filming time of a video in place, keeping its length and frames', async () => {
    const { files } = service();
    for (const [video, name] of [
      [phoneVideo(), 'quay-dem.mp4'],
      [phoneVideo('qt  '), 'IMG_0042.MOV'],
    ] as const) {
      expect(video.includes(Buffer.from(VIDEO_GPS))).toBe(true);
      const stored = await files.accept({ fileName: name, bytes: video }, { allowedTypes: VIDEO_TYPES });
      const served = await files.read(stored);
      expect(served.length).toBe(video.length);
      expect(served.includes(Buffer.from(VIDEO_GPS))).toBe(false);
      expect(served.includes(Buffer.from(VIDEO_CAMERA))).toBe(false);
      expect(served.includes(Buffer.from('com.apple.quicktime.location'))).toBe(false);
      expect(served.includes(Buffer.from('udta'))).toBe(false);
      // The frames (mdat) are untouched; the filming time (seconds since 1904) is zero.
      expect(served.subarray(-64).equals(video.subarray(-64))).toBe(true);
      const filmedAt = Buffer.from([0xe5, 0x04, 0xc2, 0x80]);
      expect(video.includes(filmedAt)).toBe(true);
      expect(served.includes(filmedAt)).toBe(false);
    }
    const webm = browserVideo();
    const stored = await files.accept(
      { fileName: 'ghi-hinh.webm', bytes: webm },
      { allowedTypes: VIDEO_TYPES },
    );
    expect(stored.contentType).toBe('video/webm');
    const served = await files.read(stored);
    expect(served.length).toBe(webm.length);
    expect(served.includes(Buffer.from(WEBM_TITLE))).toBe(false);
    expect(served.includes(Buffer.from(VIDEO_CAMERA))).toBe(false);
    expect(served.includes(Buffer.from('Chrome'))).toBe(true);
    expect(served.subarray(-20).equals(webm.subarray(-20))).toBe(true);
  });

  it('applies the video limit to videos only, and refuses a broken video', async () => {
    const { files } = service({ maxBytes: 100 });
    const video = phoneVideo();
    expect(
      (await refusal(files.accept({ fileName: 'a.mp4', bytes: video }, { allowedTypes: VIDEO_TYPES }))).code,
    ).toBe('file.too_large');
    await files.accept(
      { fileName: 'a.mp4', bytes: video },
      { allowedTypes: VIDEO_TYPES, videoMaxBytes: 4096 },
    );
    const broken = Buffer.from(video);
    broken.writeUInt32BE(999_999, 32);
    expect(
      (
        await refusal(
          files.accept(
            { fileName: 'a.mp4', bytes: broken },
            { allowedTypes: VIDEO_TYPES, videoMaxBytes: 4096 },
          ),
        )
      ).code,
    ).toBe('file.video_unreadable');
  });
});
