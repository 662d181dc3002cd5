/**
 * Reads the metadata segments of a JPEG file, without decoding the image: enough to find the
 * moment a photo was taken (EXIF DateTimeOriginal) before the device re-encodes it, and to prove
 * that the re-encoded file carries no metadata block any more (no APP1: no EXIF, no GPS, no XMP).
 * Pure: no DOM, no Node; bytes in, answers out.
 */

/** One marker segment before the image data: its marker (0xE1 is APP1) and its payload. */
export interface JpegSegment {
  marker: number;
  /** The payload (after the two length bytes). */
  data: Uint8Array;
}

const SOI = 0xd8;
const SOS = 0xda;

/** Whether the bytes start as a JPEG does (FF D8). */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === SOI;
}

/** The marker segments from the start of the file up to the image data (SOS); [] when not a JPEG. */
export function listJpegSegments(bytes: Uint8Array): JpegSegment[] {
  if (!isJpeg(bytes)) return [];
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === SOS || marker === 0xd9) break;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) break;
    segments.push({ marker, data: bytes.subarray(at + 4, at + 2 + length) });
    at += 2 + length;
  }
  return segments;
}

/** Whether a JPEG still carries an application block that holds metadata (APP1: EXIF or XMP; APP13: IPTC). */
export function hasMetadataBlock(bytes: Uint8Array): boolean {
  return listJpegSegments(bytes).some((s) => s.marker === 0xe1 || s.marker === 0xed);
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0"
const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;

/** A TIFF reader over the EXIF payload, in the byte order it declares. */
function tiffReader(tiff: Uint8Array) {
  const little = tiff[0] === 0x49;
  const u16 = (at: number) => (at + 2 > tiff.length ? -1 : little ? tiff[at]! | (tiff[at + 1]! << 8) : (tiff[at]! << 8) | tiff[at + 1]!);
  const u32 = (at: number) => (at + 4 > tiff.length ? -1 : little
    ? (tiff[at]! | (tiff[at + 1]! << 8) | (tiff[at + 2]! << 16)) + tiff[at + 3]! * 2 ** 24
    : tiff[at]! * 2 ** 24 + ((tiff[at + 1]! << 16) | (tiff[at + 2]! << 8) | tiff[at + 3]!));
  /** The entries of the directory at `offset`: tag → the entry's own position. */
  const entries = (offset: number): Map<number, number> => {
    const found = new Map<number, number>();
    const count = u16(offset);
    for (let i = 0; i < count && count > 0; i += 1) {
      const entry = offset + 2 + i * 12;
      const tag = u16(entry);
      if (tag < 0) break;
      found.set(tag, entry);
    }
    return found;
  };
  /** An ASCII value (type 2) of the entry at `entry`. */
  const ascii = (entry: number): string | undefined => {
    const count = u32(entry + 4);
    if (u16(entry + 2) !== 2 || count <= 0 || count > 64) return undefined;
    const start = count <= 4 ? entry + 8 : u32(entry + 8);
    if (start < 0 || start + count > tiff.length) return undefined;
    return String.fromCharCode(...tiff.subarray(start, start + count)).replace(/\0+$/, '');
  };
  return { u16, u32, entries, ascii };
}

/**
 * The moment the camera says the photo was taken (EXIF DateTimeOriginal, with OffsetTimeOriginal
 * when the camera wrote one, else taken as Peru's time, UTC−5), as an ISO string in UTC; undefined
 * when the file has no such field or it cannot be read (never throws on a damaged file).
 */
export function readExifTakenAt(bytes: Uint8Array): string | undefined {
  try {
    const app1 = listJpegSegments(bytes).find((s) => s.marker === 0xe1 && EXIF_HEADER.every((b, i) => s.data[i] === b));
    if (!app1) return undefined;
    const tiff = app1.data.subarray(6);
    const reader = tiffReader(tiff);
    if (reader.u16(2) !== 42) return undefined;
    const exifEntry = reader.entries(reader.u32(4)).get(TAG_EXIF_IFD);
    if (exifEntry === undefined) return undefined;
    const exif = reader.entries(reader.u32(exifEntry + 8));
    const original = exif.get(TAG_DATE_TIME_ORIGINAL);
    const text = original === undefined ? undefined : reader.ascii(original);
    const match = text?.match(/^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/);
    if (!match) return undefined;
    const offsetEntry = exif.get(TAG_OFFSET_TIME_ORIGINAL);
    const offset = (offsetEntry === undefined ? undefined : reader.ascii(offsetEntry))?.match(/^[+-]\d{2}:\d{2}$/)?.[0] ?? '-05:00';
    const [, y, mo, d, h, mi, s] = match;
    const time = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  } catch {
    return undefined;
  }
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const TAG_ORIENTATION = 0x0112;

/**
 * A JPEG's stored size and EXIF orientation (1–8; 1 when absent), read from its header only, or
 * undefined when the header does not say (not a JPEG, or the frame header lies past `bytes`).
 * Lets the device decode a 12 MP photo straight to its reduced size.
 */
export function readJpegHeader(bytes: Uint8Array): { width: number; height: number; orientation: number } | undefined {
  const segments = listJpegSegments(bytes);
  const frame = segments.find((s) => SOF_MARKERS.has(s.marker));
  if (!frame || frame.data.length < 5) return undefined;
  const height = (frame.data[1]! << 8) | frame.data[2]!;
  const width = (frame.data[3]! << 8) | frame.data[4]!;
  if (!width || !height) return undefined;
  let orientation = 1;
  try {
    const app1 = segments.find((s) => s.marker === 0xe1 && EXIF_HEADER.every((b, i) => s.data[i] === b));
    if (app1) {
      const reader = tiffReader(app1.data.subarray(6));
      const entry = reader.entries(reader.u32(4)).get(TAG_ORIENTATION);
      if (entry !== undefined && reader.u16(entry + 2) === 3) orientation = reader.u16(entry + 8);
    }
  } catch {
    orientation = 1;
  }
  return { width, height, orientation: orientation >= 1 && orientation <= 8 ? orientation : 1 };
}
