/**
 * Gives a JPEG an EXIF block as a phone camera writes one: DateTimeOriginal (and its offset) and
 * a GPS directory, so tests can prove what the device keeps (the time) and drops (the place).
 */

export interface ExifFields {
  /** "YYYY:MM:DD HH:MM:SS", as cameras write it. */
  dateTimeOriginal?: string;
  /** "+HH:MM" / "-HH:MM". */
  offsetTimeOriginal?: string;
  /** EXIF orientation (1 upright … 6 turned 90°), in IFD0. */
  orientation?: number;
  /** Adds a GPS directory (latitude ref "S"): the location metadata that must never leave the phone. */
  gps?: boolean;
}

/** A big-endian TIFF block with IFD0 → Exif IFD (+ GPS IFD). */
function buildTiff(fields: ExifFields): Uint8Array {
  const out: number[] = [];
  const u16 = (n: number) => out.push((n >> 8) & 0xff, n & 0xff);
  const u32 = (n: number) => out.push((n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
  const strings: { text: string; patchAt: number }[] = [];
  const exifTags: [number, string][] = [];
  if (fields.dateTimeOriginal) exifTags.push([0x9003, fields.dateTimeOriginal]);
  if (fields.offsetTimeOriginal) exifTags.push([0x9011, fields.offsetTimeOriginal]);
  out.push(0x4d, 0x4d); u16(42); u32(8);
  // IFD0: pointers to the Exif and GPS directories.
  const ifd0Count = (fields.gps ? 2 : 1) + (fields.orientation ? 1 : 0);
  u16(ifd0Count);
  if (fields.orientation) { u16(0x0112); u16(3); u32(1); u16(fields.orientation); u16(0); }
  const exifPointerAt = out.length + 8;
  u16(0x8769); u16(4); u32(1); u32(0);
  let gpsPointerAt = -1;
  if (fields.gps) { gpsPointerAt = out.length + 8; u16(0x8825); u16(4); u32(1); u32(0); }
  u32(0);
  const patch = (at: number, value: number) => { out[at] = (value >>> 24) & 0xff; out[at + 1] = (value >> 16) & 0xff; out[at + 2] = (value >> 8) & 0xff; out[at + 3] = value & 0xff; };
  patch(exifPointerAt, out.length);
  u16(exifTags.length);
  for (const [tag, text] of exifTags) {
    u16(tag); u16(2); u32(text.length + 1);
    strings.push({ text, patchAt: out.length });
    u32(0);
  }
  u32(0);
  if (fields.gps) {
    patch(gpsPointerAt, out.length);
    u16(1); u16(0x0001); u16(2); u32(2); out.push(0x53, 0, 0, 0); u32(0);
  }
  for (const { text, patchAt } of strings) {
    patch(patchAt, out.length);
    for (const ch of text) out.push(ch.charCodeAt(0));
    out.push(0);
  }
  return Uint8Array.from(out);
}

/** `jpeg` with an APP1 EXIF segment inserted right after its SOI marker. */
export function addExif(jpeg: Uint8Array, fields: ExifFields): Uint8Array {
  const tiff = buildTiff(fields);
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = payload.length + 2;
  const segment = [0xff, 0xe1, (length >> 8) & 0xff, length & 0xff, ...payload];
  return Uint8Array.from([...jpeg.subarray(0, 2), ...segment, ...jpeg.subarray(2)]);
}

/** A JPEG header with a baseline frame (SOF0) of `width`×`height`, then SOS and EOI (not decodable). */
export function jpegWithFrame(width: number, height: number): Uint8Array {
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]);
}

/** The smallest JPEG frame these tests need: SOI, one DQT-like segment, SOS, EOI (not decodable). */
export const BARE_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0x00, 0x00, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]);
