/**
 * Real, tiny images built byte by byte for the media tests (no image library on the server): an
 * 8×8 grey baseline JPEG, a 1×1 lossless WebP, and EXIF blocks with or without a GPS directory.
 */
import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of bytes, as photos are named. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const u16be = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);

/** A JPEG segment: marker, length (which counts itself), body. */
function segment(marker: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);
}

/**
 * An 8×8 grey baseline JPEG: one component, quantisation all 1, Huffman tables with a single
 * one-bit code each (DC difference 0, AC end-of-block), one block of data. `app1` segments
 * (EXIF, XMP) go right after SOI, where cameras put them; `comment` adds a COM segment.
 */
export function makeJpeg(options: { exif?: Buffer; xmp?: string; comment?: Buffer; paddedTo?: number } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  // `paddedTo`: COM segments of random bytes until the file weighs about that much (a bench's 300 KB photo).
  for (let left = (options.paddedTo ?? 0) - 150; left > 0; left -= 65_533) parts.push(segment(0xfe, randomBytes(Math.min(65_533, left))));
  if (options.exif) parts.push(segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), options.exif])));
  if (options.xmp) parts.push(segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${options.xmp}`, 'latin1')));
  if (options.comment) parts.push(segment(0xfe, options.comment));
  parts.push(segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)])));
  parts.push(segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])));
  const oneCode = (tableClass: number, symbol: number) => Buffer.concat([Buffer.from([tableClass]), Buffer.from([1, ...new Array(15).fill(0)]), Buffer.from([symbol])]);
  parts.push(segment(0xc4, oneCode(0x00, 0x00)));
  parts.push(segment(0xc4, oneCode(0x10, 0x00)));
  parts.push(segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])));
  // DC "0" then EOB "0", padded with ones.
  parts.push(Buffer.from([0x3f]));
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

/** The 1×1 lossless WebP browsers use to detect WebP support; its `VP8L` chunk body (13 bytes) starts at byte 20. */
const VP8L_1X1 = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64').subarray(20, 33);

function chunk(kind: string, body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  const pad = body.length % 2 === 1 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(kind, 'latin1'), size, body, pad]);
}

/** A 1×1 WebP; with `exif` or `xmp` it is the extended format (VP8X) with those chunks after the image. */
export function makeWebp(options: { exif?: Buffer; xmp?: string } = {}): Buffer {
  const chunks: Buffer[] = [];
  if (options.exif || options.xmp) {
    const flags = (options.exif ? 0x08 : 0) | (options.xmp ? 0x04 : 0);
    // Flags, 3 reserved bytes, canvas width - 1 and height - 1 in 24 bits each (0 = 1 pixel).
    chunks.push(chunk('VP8X', Buffer.from([flags, 0, 0, 0, 0, 0, 0, 0, 0, 0])));
  }
  chunks.push(chunk('VP8L', VP8L_1X1));
  if (options.exif) chunks.push(chunk('EXIF', options.exif));
  if (options.xmp) chunks.push(chunk('XMP ', Buffer.from(options.xmp, 'latin1')));
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
}

/**
 * An EXIF block (a TIFF structure, little or big endian): IFD0 holds Orientation and, with
 * `gps`, a pointer to a GPS directory with latitude 13°9'36" S (Huamanga).
 */
export function makeExif(options: { gps: boolean; bigEndian?: boolean }): Buffer {
  const little = !options.bigEndian;
  const out = Buffer.alloc(128);
  const w16 = (at: number, n: number) => (little ? out.writeUInt16LE(n, at) : out.writeUInt16BE(n, at));
  const w32 = (at: number, n: number) => (little ? out.writeUInt32LE(n, at) : out.writeUInt32BE(n, at));
  out.write(little ? 'II' : 'MM', 0, 'latin1');
  w16(2, 42);
  w32(4, 8);
  const entries = options.gps ? 2 : 1;
  w16(8, entries);
  // Orientation (0x0112), SHORT, 1 value: 1 (upright); the value sits in the first 2 bytes of the field.
  w16(10, 0x0112); w16(12, 3); w32(14, 1); w16(18, 1);
  const gpsIfd = 8 + 2 + entries * 12 + 4;
  if (options.gps) {
    w16(22, 0x8825); w16(24, 4); w32(26, 1); w32(30, gpsIfd);
  }
  w32(8 + 2 + entries * 12, 0); // no next IFD
  if (!options.gps) return out.subarray(0, gpsIfd);
  const rationals = gpsIfd + 2 + 2 * 12 + 4;
  w16(gpsIfd, 2);
  // GPSLatitudeRef (1), ASCII, 2: "S\0" inline.
  w16(gpsIfd + 2, 1); w16(gpsIfd + 4, 2); w32(gpsIfd + 6, 2); out.write('S\0', gpsIfd + 10, 'latin1');
  // GPSLatitude (2), RATIONAL, 3 values at `rationals`.
  w16(gpsIfd + 14, 2); w16(gpsIfd + 16, 5); w32(gpsIfd + 18, 3); w32(gpsIfd + 22, rationals);
  w32(gpsIfd + 26, 0);
  [13, 1, 9, 1, 36, 1].forEach((n, i) => w32(rationals + i * 4, n));
  return out.subarray(0, rationals + 24);
}
