import type { Page } from '@playwright/test';

/**
 * Every row of one table of the app's IndexedDB database (`lingxi`), read the way any page script could: what
 * the app has actually committed, as opposed to what it shows.
 */
export function storedRows<Row>(page: Page, table: string): Promise<Row[]> {
  return page.evaluate(
    (name) =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('lingxi');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as Row[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}
