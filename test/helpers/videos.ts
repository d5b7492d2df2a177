/**
 * Small videos as phones and browsers write them, with the metadata a reporter would not want to send: the GPS
 * position and the phone's make and model (MP4/MOV), a title and a date (WebM). No frames are needed: the server
 * reads only the container.
 */

function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/** A version-0 full box whose first two 32-bit fields are the creation and modification times. */
function timedBox(type: string, seconds: number, rest: number): Buffer {
  const body = Buffer.alloc(4 + 8 + rest);
  body.writeUInt32BE(seconds, 4);
  body.writeUInt32BE(seconds, 8);
  return box(type, body);
}

export const VIDEO_GPS = '+16.0544+108.2022/';
export const VIDEO_CAMERA = 'HangDienThoai MayQuay 15';
/** 2025-10-01 in seconds since 1904, as MP4 counts. */
const FILMED_AT = 3_842_294_400;

/** An MP4 (or QuickTime, with brand "qt  ") with GPS and camera in `udta` and `meta`, and the filming time. */
export function phoneVideo(brand: 'isom' | 'qt  ' = 'isom'): Buffer {
  const ftyp = box('ftyp', Buffer.from(`${brand}\0\0\0\0${brand}mp41`, 'latin1'));
  const mdatBody = Buffer.alloc(64, 7);
  const moov = box(
    'moov',
    timedBox('mvhd', FILMED_AT, 88),
    box('trak', timedBox('tkhd', FILMED_AT, 72), box('mdia', timedBox('mdhd', FILMED_AT, 12))),
    box(
      'udta',
      box('\u00a9xyz', Buffer.from([0, 18, 0x15, 0xc7]), Buffer.from(VIDEO_GPS, 'latin1')),
      box('\u00a9mak', Buffer.from(VIDEO_CAMERA, 'latin1')),
    ),
    box('meta', Buffer.alloc(4), box('keys', Buffer.from('com.apple.quicktime.location.ISO6709'))),
  );
  return Buffer.concat([ftyp, moov, box('mdat', mdatBody)]);
}

function ebml(id: number[], ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  if (body.length > 0x3fff) throw new Error('test element too large');
  const size =
    body.length < 0x7f
      ? Buffer.from([0x80 | body.length])
      : Buffer.from([0x40 | (body.length >> 8), body.length & 0xff]);
  return Buffer.concat([Buffer.from(id), size, body]);
}

export const WEBM_TITLE = 'Quay o nha hang xom';

/** A WebM as a browser's recorder writes it, plus a title, a date and a tag naming the recorder. */
export function browserVideo(): Buffer {
  const header = ebml([0x1a, 0x45, 0xdf, 0xa3], ebml([0x42, 0x82], Buffer.from('webm')));
  const info = ebml(
    [0x15, 0x49, 0xa9, 0x66],
    ebml([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40])),
    ebml([0x7b, 0xa9], Buffer.from(WEBM_TITLE)),
    ebml([0x44, 0x61], Buffer.alloc(8, 1)),
    ebml([0x4d, 0x80], Buffer.from('Chrome')),
  );
  const tags = ebml(
    [0x12, 0x54, 0xc3, 0x67],
    ebml(
      [0x73, 0x73],
      ebml(
        [0x67, 0xc8],
        ebml([0x45, 0xa3], Buffer.from('ARTIST')),
        ebml([0x44, 0x87], Buffer.from(VIDEO_CAMERA)),
      ),
    ),
  );
  const cluster = ebml(
    [0x1f, 0x43, 0xb6, 0x75],
    ebml([0xe7], Buffer.from([0])),
    ebml([0xa3], Buffer.alloc(20, 9)),
  );
  return Buffer.concat([header, ebml([0x18, 0x53, 0x80, 0x67], info, tags, cluster)]);
}
