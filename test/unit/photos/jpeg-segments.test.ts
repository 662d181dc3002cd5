import { describe, expect, it } from 'vitest';
import { hasMetadataBlock, listJpegSegments, readExifTakenAt, readJpegHeader } from '../../../src/shared/photos/jpeg-segments';
import { addExif, BARE_JPEG, jpegWithFrame } from '../../helpers/jpeg-exif';

describe('reading a photo’s metadata before it is re-encoded', () => {
  it.each([
    ['a camera that wrote its offset', { dateTimeOriginal: '2026:11:28 15:42:07', offsetTimeOriginal: '-05:00' }, '2026-11-28T20:42:07.000Z'],
    ['a camera with no offset is read as Peru’s time (UTC−5)', { dateTimeOriginal: '2026:11:28 15:42:07' }, '2026-11-28T20:42:07.000Z'],
    ['another offset is honoured', { dateTimeOriginal: '2026:11:28 15:42:07', offsetTimeOriginal: '+01:00' }, '2026-11-28T14:42:07.000Z'],
    ['a photo with GPS still gives its time', { dateTimeOriginal: '2026:01:02 03:04:05', gps: true }, '2026-01-02T08:04:05.000Z'],
    ['no date at all', { gps: true }, undefined],
    ['a date that is not one', { dateTimeOriginal: '0000:00:00 00:00:00' }, undefined],
  ])('%s', (_name, fields, expected) => {
    expect(readExifTakenAt(addExif(BARE_JPEG, fields))).toBe(expected);
  });

  it('a file with no EXIF, a damaged one and one that is not a JPEG give no time and do not throw', () => {
    expect(readExifTakenAt(BARE_JPEG)).toBeUndefined();
    const damaged = addExif(BARE_JPEG, { dateTimeOriginal: '2026:11:28 15:42:07' }).slice(0, 30);
    expect(readExifTakenAt(damaged)).toBeUndefined();
    expect(readExifTakenAt(new TextEncoder().encode('<svg></svg>'))).toBeUndefined();
  });

  it('tells a JPEG that still carries an EXIF block from one that does not', () => {
    expect(hasMetadataBlock(BARE_JPEG)).toBe(false);
    expect(hasMetadataBlock(addExif(BARE_JPEG, { gps: true }))).toBe(true);
    expect(listJpegSegments(BARE_JPEG).map((s) => s.marker)).toEqual([0xdb]);
  });

  it('reads a JPEG’s size and orientation from its header, so a 12 MP photo is decoded straight to its reduced size', () => {
    expect(readJpegHeader(jpegWithFrame(4000, 3000))).toEqual({ width: 4000, height: 3000, orientation: 1 });
    expect(readJpegHeader(addExif(jpegWithFrame(4032, 3024), { orientation: 6, gps: true, dateTimeOriginal: '2026:11:28 15:42:07' }))).toEqual({ width: 4032, height: 3024, orientation: 6 });
    expect(readExifTakenAt(addExif(jpegWithFrame(10, 10), { orientation: 6, dateTimeOriginal: '2026:11:28 15:42:07' }))).toBe('2026-11-28T20:42:07.000Z');
    expect(readJpegHeader(BARE_JPEG)).toBeUndefined();
  });
});
