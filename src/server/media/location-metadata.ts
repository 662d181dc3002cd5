/**
 * Does a photo still say where it was taken? The device strips every metadata block before it
 * stores a photo (#13); the server checks again, because one phone that forgot would publish a
 * manager's home. Location lives in an EXIF block's GPS directory (tag 0x8825 of IFD0), in JPEG
 * an APP1 segment `Exif\0\0`, in WebP an `EXIF` chunk; or in XMP (`exif:GPSLatitude`, …). EXIF
 * without GPS (orientation, say) passes. A block that cannot be read is answered as location:
 * the server cannot show it is clean.
 */
import type { MediaType } from '../../shared/media';

/** What the check found. `unreadable`: the file's structure is broken where metadata would be. */
export type LocationFinding = 'none' | 'gps' | 'unreadable';

const GPS_IFD_TAG = 0x8825;
const EXIF_HEADER = 'Exif\0\0';
/** XMP names of location properties (exif: and the IPTC Core location fields). */
const XMP_LOCATION = /GPSLatitude|GPSLongitude|GPSAltitude|Iptc4xmpCore:Location|photoshop:City/;

/** Whether a TIFF structure (the body of an EXIF block) has a GPS directory in its first IFD. */
export function findGpsInTiff(tiff: Buffer): LocationFinding {
  if (tiff.length < 8) return 'unreadable';
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return 'unreadable';
  const little = order === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return 'unreadable';
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 'unreadable';
  const count = u16(ifd);
  if (ifd + 2 + count * 12 > tiff.length) return 'unreadable';
  for (let i = 0; i < count; i++) {
    if (u16(ifd + 2 + i * 12) === GPS_IFD_TAG) return 'gps';
  }
  return 'none';
}

/** The worse of two findings: gps over unreadable over none. */
function worse(a: LocationFinding, b: LocationFinding): LocationFinding {
  if (a === 'gps' || b === 'gps') return 'gps';
  return a === 'unreadable' || b === 'unreadable' ? 'unreadable' : 'none';
}

/** Whether an XMP packet names a place (its text is searched; XMP is plain XML). */
function findLocationInXmp(block: Buffer): LocationFinding {
  return XMP_LOCATION.test(block.toString('latin1')) ? 'gps' : 'none';
}

/** Markers with no length field: SOI, EOI, TEM and the restart markers. */
function isStandalone(marker: number): boolean {
  return marker === 0xd8 || marker === 0xd9 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

/**
 * Any other EXIF block with GPS inside the file: the secondary images of a Multi-Picture file
 * (APP2 `MPF`, a preview appended after the main image, with its own EXIF) or anything appended
 * after the end. Only a parsed GPS directory counts here: six bytes matching `Exif\0\0` by chance
 * inside image data must not refuse a clean photo.
 */
function findEmbeddedGps(bytes: Buffer, from: number): LocationFinding {
  for (let at = bytes.indexOf(EXIF_HEADER, from, 'latin1'); at >= 0; at = bytes.indexOf(EXIF_HEADER, at + 1, 'latin1')) {
    if (findGpsInTiff(bytes.subarray(at + 6)) === 'gps') return 'gps';
  }
  return 'none';
}

/** JPEG: walks the header segments up to the image data (SOS), then looks for EXIF embedded further on. */
export function findLocationInJpeg(bytes: Buffer): LocationFinding {
  const header = walkJpegHeader(bytes);
  return header.finding === 'gps' ? 'gps' : worse(header.finding, findEmbeddedGps(bytes, header.end));
}

/** The segments before the image data: what they say, and where they end. */
function walkJpegHeader(bytes: Buffer): { finding: LocationFinding; end: number } {
  let finding: LocationFinding = 'none';
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return { finding: worse(finding, 'unreadable'), end: at };
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return { finding, end: at };
    if (isStandalone(marker)) {
      at += 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return { finding: worse(finding, 'unreadable'), end: at };
    const body = bytes.subarray(at + 4, end);
    if (marker === 0xe1 && body.toString('latin1', 0, 6) === EXIF_HEADER) finding = worse(finding, findGpsInTiff(body.subarray(6)));
    else if (marker === 0xe1) finding = worse(finding, findLocationInXmp(body));
    at = end;
  }
  // The file ends before its image data.
  return { finding: worse(finding, 'unreadable'), end: at };
}

/** WebP: walks the RIFF chunks; `EXIF` (with or without the `Exif\0\0` header) and `XMP `. */
export function findLocationInWebp(bytes: Buffer): LocationFinding {
  let finding: LocationFinding = 'none';
  let at = 12;
  while (at + 8 <= bytes.length) {
    const kind = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    const end = at + 8 + size;
    if (end > bytes.length) return worse(finding, 'unreadable');
    const body = bytes.subarray(at + 8, end);
    if (kind === 'EXIF') finding = worse(finding, findGpsInTiff(body.toString('latin1', 0, 6) === EXIF_HEADER ? body.subarray(6) : body));
    else if (kind === 'XMP ') finding = worse(finding, findLocationInXmp(body));
    at = end + (size % 2); // chunks are padded to an even size
  }
  return at === bytes.length ? finding : worse(finding, 'unreadable');
}

/** Whether the photo carries location metadata, by its (already checked) type. */
export function findLocationMetadata(bytes: Buffer, type: MediaType): LocationFinding {
  return type === 'image/jpeg' ? findLocationInJpeg(bytes) : findLocationInWebp(bytes);
}
