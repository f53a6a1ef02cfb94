/**
 * The progress store as a test sees it: raw IndexedDB in the page (database `inside-the-node`,
 * store `lessons`, keyed by slug; app/progress/progress-db.ts), so a test can plant what an older
 * page, another site or a damaged disk left, and read what the page saved.
 */
import type { Page } from "@playwright/test";

/** Write raw values into the lessons store (creating the database as the page would). */
export async function plantRecords(page: Page, records: unknown[]) {
  await page.evaluate(
    (values) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("inside-the-node", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("lessons", { keyPath: "slug" });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("lessons", "readwrite");
          for (const value of values) tx.objectStore("lessons").put(value);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

/** The stored record of a lesson, as raw data (undefined if none). */
export async function storedRecord(page: Page, slug: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    (key) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open("inside-the-node");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("lessons")) {
            db.close();
            resolve(undefined);
            return;
          }
          const get = db.transaction("lessons").objectStore("lessons").get(key);
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    slug,
  );
}

/** Delete the whole store, as clearing the site's data would. */
export async function clearStore(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase("inside-the-node");
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
        del.onblocked = () => resolve();
      }),
  );
}
