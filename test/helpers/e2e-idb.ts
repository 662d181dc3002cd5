/**
 * The phone's IndexedDB, read and written from the test through the page: to wait until a pull
 * has brought something, or (benches only) to seed what earlier use would have left there.
 * The functions passed to the page are self-contained: they run in the browser, not here.
 */
import type { Page } from 'playwright-core';

/** Every row of `store` in database `db` (none when the store does not exist yet). */
export async function readRows<T>(page: Page, db: string, store: string): Promise<T[]> {
  return page.evaluate(
    async ({ db, store }) => {
      const open = await new Promise<IDBDatabase | null>((resolve) => {
        const request = indexedDB.open(db);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
      });
      if (!open || !open.objectStoreNames.contains(store)) {
        open?.close();
        return [];
      }
      const rows = await new Promise<unknown[]>((resolve) => {
        const request = open.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve([]);
      });
      open.close();
      return rows;
    },
    { db, store },
  ) as Promise<T[]>;
}

/** Waits until `store` of database `db` holds a row; resolves with the first one. */
export async function waitForFirstRow<T>(page: Page, db: string, store: string, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const [first] = await readRows<T>(page, db, store);
    if (first !== undefined) return first;
    if (Date.now() > deadline) throw new Error(`Nada llegó a ${db}.${store} en ${timeout} ms.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Waits until the catalogue pull has brought the checklist templates to this device (the app
 * pulls the catalogue on start, with or without an account). Nothing is written here: the
 * templates must arrive the way a manager's phone gets them.
 */
export async function waitForTemplates(page: Page): Promise<void> {
  await waitForFirstRow(page, 'tinkuy-catalogue', 'checklistTemplates');
}

/** Writes `rows` into `store` in one transaction, as earlier use of the app would have left them. */
export async function putRows(page: Page, db: string, store: string, rows: readonly unknown[]): Promise<void> {
  await page.evaluate(
    async ({ db, store, rows }) => {
      const open = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(db);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = open.transaction(store, 'readwrite');
        for (const row of rows) tx.objectStore(store).put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      open.close();
    },
    { db, store, rows },
  );
}
