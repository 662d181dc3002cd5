import { describe, expect, it } from 'vitest';
import { detectImageType } from '../../../src/server/media/image-type';
import { findLocationMetadata, type LocationFinding } from '../../../src/server/media/location-metadata';
import { makeExif, makeJpeg, makeWebp } from '../../helpers/images';

describe('the image type, by magic bytes', () => {
  it.each([
    ['a JPEG', makeJpeg(), 'image/jpeg'],
    ['a WebP', makeWebp(), 'image/webp'],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), undefined],
    ['a RIFF that is a WAV', Buffer.from('RIFF\x24\0\0\0WAVEfmt ', 'latin1'), undefined],
    ['text', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), undefined],
    ['two bytes of JPEG', Buffer.from([0xff, 0xd8]), undefined],
  ])('%s is %s', (_label, bytes, type) => {
    expect(detectImageType(bytes)).toBe(type);
  });
});

const XMP_WITH_GPS = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description exif:GPSLatitude="13,9.6S"/></x:xmpmeta>';
const XMP_PLAIN = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description dc:format="image/jpeg"/></x:xmpmeta>';

describe('location metadata', () => {
  const cases: [string, Buffer, 'image/jpeg' | 'image/webp', LocationFinding][] = [
    ['a JPEG with no metadata', makeJpeg(), 'image/jpeg', 'none'],
    ['a JPEG whose EXIF has only the orientation', makeJpeg({ exif: makeExif({ gps: false }) }), 'image/jpeg', 'none'],
    ['a JPEG with EXIF GPS (little endian)', makeJpeg({ exif: makeExif({ gps: true }) }), 'image/jpeg', 'gps'],
    ['a JPEG with EXIF GPS (big endian, as many cameras write it)', makeJpeg({ exif: makeExif({ gps: true, bigEndian: true }) }), 'image/jpeg', 'gps'],
    ['a JPEG with GPS in XMP', makeJpeg({ xmp: XMP_WITH_GPS }), 'image/jpeg', 'gps'],
    ['a JPEG with XMP that says nothing of place', makeJpeg({ xmp: XMP_PLAIN }), 'image/jpeg', 'none'],
    ['a JPEG whose EXIF is broken', makeJpeg({ exif: Buffer.from('XX not tiff') }), 'image/jpeg', 'unreadable'],
    ['a JPEG cut before its image data', makeJpeg({ exif: makeExif({ gps: false }) }).subarray(0, 60), 'image/jpeg', 'unreadable'],
    ['a JPEG whose GPS block follows a comment', makeJpeg({ comment: Buffer.from('hola'), exif: makeExif({ gps: true }) }), 'image/jpeg', 'gps'],
    ['a JPEG carrying a second image with EXIF GPS after its end (a Multi-Picture preview)', Buffer.concat([makeJpeg(), makeJpeg({ exif: makeExif({ gps: true, bigEndian: true }) })]), 'image/jpeg', 'gps'],
    ['a JPEG with "Exif\\0\\0" by chance after its image data, no directory behind it', Buffer.concat([makeJpeg(), Buffer.from('Exif\0\0MM\0*zz', 'latin1')]), 'image/jpeg', 'none'],
    ['a WebP with no metadata', makeWebp(), 'image/webp', 'none'],
    ['a WebP with an EXIF chunk holding GPS', makeWebp({ exif: makeExif({ gps: true }) }), 'image/webp', 'gps'],
    ['a WebP with an EXIF chunk in the "Exif\\0\\0" form', makeWebp({ exif: Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), makeExif({ gps: true })]) }), 'image/webp', 'gps'],
    ['a WebP with an EXIF chunk without GPS', makeWebp({ exif: makeExif({ gps: false }) }), 'image/webp', 'none'],
    ['a WebP with GPS in XMP', makeWebp({ xmp: XMP_WITH_GPS }), 'image/webp', 'gps'],
    ['a WebP whose last chunk runs past the end', makeWebp({ exif: makeExif({ gps: false }) }).subarray(0, 50), 'image/webp', 'unreadable'],
  ];
  it.each(cases)('%s: %s', (_label, bytes, type, finding) => {
    expect(findLocationMetadata(bytes, type)).toBe(finding);
  });
});
