/**
 * Photos for the end-to-end tests, drawn by Chromium itself (no binary fixtures): a 12-megapixel
 * photo of a document (an acta with small print) and a busy scene, as a phone camera makes them,
 * with an EXIF block that carries the time and a GPS position.
 */
import type { Browser, Page } from 'playwright-core';
import { addExif, type ExifFields } from './jpeg-exif';

/** What a test hands to a file input. */
export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Draws on a canvas in `page` and returns the JPEG bytes. `kind`: a document of text, a busy
 * scene, or a busy scene with a camera's sensor grain (which JPEG cannot squeeze: the device keeps
 * it near its 300 KB target, as a real outdoor photo).
 */
type PhotoKind = 'document' | 'scene' | 'grainy';
async function drawJpeg(page: Page, kind: PhotoKind, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(async ({ kind, width, height }) => {
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d')!;
    if (kind === 'document') {
      g.fillStyle = '#f4efe2';
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#1a1a1a';
      g.font = `bold ${Math.round(height / 22)}px serif`;
      g.fillText('ACTA DE INSPECCIÓN TÉCNICA', width * 0.08, height * 0.1);
      g.font = `${Math.round(height / 40)}px serif`;
      const lines = [
        'Municipalidad Distrital de Quinua — Ayacucho',
        'Evento: Feria artesanal de Quinua, 12 de diciembre de 2026',
        'Aforo autorizado: 450 personas. Extintores PQS: 6 (vigentes).',
        'Ruta accesible señalizada desde la plaza hasta el escenario.',
        'Se autoriza el uso de la plaza de 09:00 a 18:00 horas.',
        'Firma del inspector: ____________________   N.º 0457-2026',
      ];
      lines.forEach((line, i) => g.fillText(line, width * 0.08, height * (0.22 + i * 0.1)));
    } else {
      for (let i = 0; i < 4000; i += 1) {
        g.fillStyle = `hsl(${(i * 37) % 360} 70% ${30 + (i % 40)}%)`;
        g.fillRect((i * 7919) % width, (i * 104729) % height, 20 + (i % 200), 20 + ((i * 3) % 200));
      }
      if (kind === 'grainy') {
        const image = g.getImageData(0, 0, width, height);
        let seed = 12345;
        for (let i = 0; i < image.data.length; i += 1) {
          if (i % 4 === 3) continue;
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          image.data[i] = Math.max(0, Math.min(255, image.data[i]! + ((seed >> 16) % 49) - 24));
        }
        g.putImageData(image, 0, 0);
      }
    }
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, { kind, width, height });
  return Buffer.from(base64, 'base64');
}

/** A camera JPEG: drawn, then given the EXIF block a phone writes (time and GPS). */
export async function makeCameraPhoto(browser: Browser, name: string, kind: PhotoKind, size: { width: number; height: number }, exif: ExifFields): Promise<PhotoFile> {
  const page = await browser.newPage();
  try {
    const jpeg = await drawJpeg(page, kind, size.width, size.height);
    return { name, mimeType: 'image/jpeg', buffer: Buffer.from(addExif(new Uint8Array(jpeg), exif)) };
  } finally {
    await page.close();
  }
}

/** What the phone stored for each photo, read in the page: size, pixels, the first bytes (for the metadata check). */
export interface StoredPhoto {
  id: string;
  itemId: string;
  sha256: string;
  caption?: string;
  takenAt?: string;
  bytes: number;
  width: number;
  height: number;
  hasBlob: boolean;
  hasThumb: boolean;
  blobSize: number;
  decoded: { width: number; height: number } | null;
  head: number[];
}

/** Reads the photos table of the user DB through the page, decoding each stored image. */
export async function readStoredPhotos(page: Page): Promise<StoredPhoto[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tinkuy-user');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (!db.objectStoreNames.contains('photos')) return [];
    const rows = await new Promise<Record<string, unknown>[]>((resolve) => {
      const request = db.transaction('photos').objectStore('photos').getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
    });
    db.close();
    return Promise.all(rows.map(async (row) => {
      const blob = row['blob'] as Blob | undefined;
      const bitmap = blob ? await createImageBitmap(blob) : null;
      const decoded = bitmap ? { width: bitmap.width, height: bitmap.height } : null;
      bitmap?.close();
      return {
        id: row['id'] as string, itemId: row['itemId'] as string, sha256: row['sha256'] as string,
        ...(row['caption'] ? { caption: row['caption'] as string } : {}), ...(row['takenAt'] ? { takenAt: row['takenAt'] as string } : {}),
        bytes: row['bytes'] as number, width: row['width'] as number, height: row['height'] as number,
        hasBlob: Boolean(blob), hasThumb: Boolean(row['thumb']), blobSize: blob?.size ?? 0, decoded,
        head: blob ? [...new Uint8Array(await blob.slice(0, 4096).arrayBuffer())] : [],
      };
    }));
  });
}
