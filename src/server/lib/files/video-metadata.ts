/**
 * Removing the metadata of a video without re-encoding it (no ffmpeg on the servers this runs on, and re-encoding
 * a phone video would cost minutes of CPU per file). The metadata boxes are overwritten in place, so every offset
 * in the file (MP4 chunk offsets, Matroska cues) stays valid and the video plays as before:
 *
 * - MP4 and QuickTime (ISO base media): `udta` and `meta` boxes (GPS position "©xyz", Apple's
 *   com.apple.quicktime.location.ISO6709, camera make and model, software, title) at the top level, in `moov` and
 *   in every track become `free` boxes filled with zeros; `uuid` boxes (XMP) likewise; the creation and
 *   modification times of `mvhd`, `tkhd` and `mdhd` are set to zero.
 * - WebM and Matroska (EBML): `Tags` and `Attachments` of the segment, and `Title` and `DateUTC` of its `Info`,
 *   become `Void` elements filled with zeros.
 *
 * What stays is what the pictures and the sound themselves show; that cannot be removed by software and the
 * officers are told so.
 */

export class UnreadableVideo extends Error {}

const ISO_CONTAINERS = new Set(['moov', 'trak', 'mdia', 'edts', 'minf', 'stbl', 'moof', 'traf', 'mvex']);
const ISO_METADATA = new Set(['udta', 'meta', 'uuid']);
const ISO_TIMES = new Set(['mvhd', 'tkhd', 'mdhd']);

/** Cleans a copy; throws UnreadableVideo when the structure does not hold together. */
export function stripVideoMetadata(bytes: Buffer, mime: string): Buffer {
  const copy = Buffer.from(bytes);
  if (mime === 'video/webm' || mime === 'video/matroska') stripMatroska(copy);
  else stripIsoMedia(copy, 0, copy.length, 0);
  return copy;
}

function stripIsoMedia(buffer: Buffer, start: number, end: number, depth: number): void {
  if (depth > 8) throw new UnreadableVideo('boxes nested too deep');
  let offset = start;
  while (offset + 8 <= end) {
    let size = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) throw new UnreadableVideo('truncated large box');
      const large = buffer.readBigUInt64BE(offset + 8);
      if (large > BigInt(end - offset)) throw new UnreadableVideo('box larger than its parent');
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < header || offset + size > end) throw new UnreadableVideo(`box ${type} out of bounds`);
    if (ISO_METADATA.has(type)) {
      // A box of the same length, type `free`, zeros inside: offsets elsewhere in the file stay right.
      if (header === 16) {
        buffer.writeUInt32BE(1, offset);
        buffer.write('free', offset + 4, 'latin1');
      } else {
        buffer.write('free', offset + 4, 'latin1');
      }
      buffer.fill(0, offset + header, offset + size);
    } else if (ISO_TIMES.has(type)) {
      zeroIsoTimes(buffer, offset + header, offset + size);
    } else if (ISO_CONTAINERS.has(type)) {
      stripIsoMedia(buffer, offset + header, offset + size, depth + 1);
    }
    offset += size;
  }
}

/** Version 0 boxes keep 32-bit creation and modification times after version and flags; version 1, 64-bit. */
function zeroIsoTimes(buffer: Buffer, start: number, end: number): void {
  if (start + 4 > end) throw new UnreadableVideo('truncated header box');
  const width = buffer[start] === 1 ? 8 : 4;
  if (start + 4 + 2 * width > end) throw new UnreadableVideo('truncated header box');
  buffer.fill(0, start + 4, start + 4 + 2 * width);
}

// ---- Matroska / WebM ---------------------------------------------------------------------------------------------

const EBML_HEADER = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const TAGS = 0x1254c367;
const ATTACHMENTS = 0x1941a469;
const INFO_PRIVATE = new Set([0x7ba9 /* Title */, 0x4461 /* DateUTC */]);
const VOID = 0xec;

interface Element {
  id: number;
  /** Where the element starts (its id) and where its data starts and ends; `end` is null for unknown sizes. */
  start: number;
  dataStart: number;
  end: number | null;
}

function readVint(
  buffer: Buffer,
  offset: number,
  keepMarker: boolean,
): { value: number; length: number; unknown: boolean } {
  if (offset >= buffer.length) throw new UnreadableVideo('truncated element');
  const first = buffer[offset]!;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length += 1;
  if (length > 8 || offset + length > buffer.length) throw new UnreadableVideo('bad variable-length integer');
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let index = 1; index < length; index += 1) {
    const byte = buffer[offset + index]!;
    value = value * 256 + byte;
    if (byte !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readElement(buffer: Buffer, offset: number, limit: number): Element {
  const id = readVint(buffer, offset, true);
  const size = readVint(buffer, offset + id.length, false);
  const dataStart = offset + id.length + size.length;
  if (size.unknown) return { id: id.value, start: offset, dataStart, end: null };
  const end = dataStart + size.value;
  if (end > limit) throw new UnreadableVideo('element out of bounds');
  return { id: id.value, start: offset, dataStart, end };
}

/** Turns the element into a Void element of exactly the same length, zeros inside. */
function voidElement(buffer: Buffer, element: Element & { end: number }): void {
  const total = element.end - element.start;
  const width = total >= 9 ? 8 : 1;
  const dataLength = total - 1 - width;
  if (dataLength < 0) throw new UnreadableVideo('element too short to blank');
  buffer[element.start] = VOID;
  // Size as an EBML integer of `width` bytes: the marker bit, then the value big-endian.
  let value = dataLength;
  for (let index = width; index >= 1; index -= 1) {
    buffer[element.start + index] = value % 256;
    value = Math.floor(value / 256);
  }
  buffer[element.start + 1] = (buffer[element.start + 1] ?? 0) | (0x80 >> (width - 1));
  buffer.fill(0, element.start + 1 + width, element.end);
}

function stripMatroska(buffer: Buffer): void {
  const header = readElement(buffer, 0, buffer.length);
  if (header.id !== EBML_HEADER || header.end === null) throw new UnreadableVideo('no EBML header');
  let offset = header.end;
  while (offset < buffer.length) {
    const element = readElement(buffer, offset, buffer.length);
    if (element.id !== SEGMENT) {
      if (element.end === null) return;
      offset = element.end;
      continue;
    }
    const segmentEnd = element.end ?? buffer.length;
    let child = element.dataStart;
    while (child < segmentEnd) {
      const inner = readElement(buffer, child, segmentEnd);
      // A cluster written while recording has no size: what follows it cannot be found without reading every
      // frame, and browsers' recorders write no tags there.
      if (inner.end === null) return;
      if (inner.id === TAGS || inner.id === ATTACHMENTS) voidElement(buffer, { ...inner, end: inner.end });
      else if (inner.id === INFO) {
        let field = inner.dataStart;
        while (field < inner.end) {
          const item = readElement(buffer, field, inner.end);
          if (item.end === null) throw new UnreadableVideo('unknown size inside Info');
          if (INFO_PRIVATE.has(item.id)) voidElement(buffer, { ...item, end: item.end });
          field = item.end;
        }
      }
      // Anything else (clusters hold only frames, cues, tracks) is skipped by its size.
      child = inner.end;
    }
    offset = segmentEnd;
  }
}
