/**
 * Page-side probes of the knowledge bench (test/bench/knowledge.ts), as JavaScript source: tsx would wrap
 * named functions of a TypeScript page function in a __name helper the page does not have.
 *
 * startProbe: an init script (runs before the app's own code) that
 * - keeps a handle on the app's knowledge worker (the Worker the app creates with name "knowledge") and
 *   notes when the app's own `open` request (the persisted index loaded) and `import` request (the
 *   package check on start) have been answered;
 * - types `query` into the "Search knowledge" box the moment it appears, as an agent who starts the app
 *   and searches at once, and notes when the first result shows in the "Knowledge results" list.
 * Times are performance.now(): ms since the page's navigation started.
 */

/** What startProbe leaves on window.__kbBench. */
export interface ProbeState {
  openedAt?: number;
  typedAt?: number;
  answeredAt?: number;
  firstHit?: string;
  imported: boolean;
}

export function startProbe(query: string): string {
  return `(() => {
  const query = ${JSON.stringify(query)};
  const state = { imported: false, importIds: new Set(), openIds: new Set() };
  window.__kbBench = state;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      if (!options || options.name !== 'knowledge') return;
      state.worker = this;
      const post = this.postMessage.bind(this);
      this.postMessage = (message, transfer) => {
        if (message && message.call === 'import') state.importIds.add(message.id);
        if (message && message.call === 'open') state.openIds.add(message.id);
        return transfer === undefined ? post(message) : post(message, transfer);
      };
      this.addEventListener('message', (event) => {
        if (state.importIds.has(event.data.id)) state.imported = true;
        if (state.openIds.has(event.data.id) && state.openedAt === undefined) state.openedAt = performance.now();
      });
    }
  };
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const observer = new MutationObserver(() => {
    if (state.typedAt === undefined) {
      const box = document.querySelector('input[type="search"][aria-label="Search knowledge"]');
      if (!box) return;
      setValue.call(box, query);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      state.typedAt = performance.now();
    }
    const first = document.querySelector('ul[aria-label="Knowledge results"] li');
    if (!first) return;
    state.answeredAt = performance.now();
    state.firstHit = first.textContent;
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})()`;
}

/** What searchThroughWorker resolves to: per query its round trip in ms and the ids of its hits. */
export interface WorkerSearchResult {
  times: number[];
  hits: string[][];
}

/**
 * A page expression: sends each query to the app's knowledge worker as the app's client does
 * ({id, call: 'search', params: {query, limit: 10}}), one at a time, and times postMessage → answer.
 * Ids start at 1e9, so the app's own client ignores the answers.
 */
export function searchThroughWorker(queries: readonly string[]): string {
  return `(async () => {
  const worker = window.__kbBench.worker;
  if (!worker) throw new Error('the app started no knowledge worker');
  const queries = ${JSON.stringify(queries)};
  const times = [];
  const hits = [];
  let id = 1e9;
  for (const query of queries) {
    const mine = ++id;
    const started = performance.now();
    const answer = await new Promise((resolve) => {
      const onMessage = (event) => {
        if (event.data.id !== mine) return;
        worker.removeEventListener('message', onMessage);
        resolve(event.data);
      };
      worker.addEventListener('message', onMessage);
      worker.postMessage({ id: mine, call: 'search', params: { query, limit: 10 } });
    });
    times.push(performance.now() - started);
    if (!answer.ok) throw new Error('knowledge worker: ' + answer.error);
    hits.push(answer.result.map((hit) => hit.id));
  }
  return { times, hits };
})()`;
}

/**
 * A page expression: reads the persisted index once straight from IndexedDB (database "lingxi", table
 * kbMeta, key "index", as knowledge-repo.ts stores it: a Blob) and resolves to the ms the record and the
 * Blob's bytes took to read: the storage share of reading the whole index, without the engine's load.
 */
export const readIndexFromIndexedDb = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('lingxi');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  const value = await new Promise((resolve, reject) => {
    const request = db.transaction('kbMeta').objectStore('kbMeta').get('index');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  if (!value) throw new Error('no persisted knowledge index in IndexedDB');
  // Stored as a Blob (a handle): the read is its bytes.
  if (value.value instanceof Blob) await value.value.arrayBuffer();
  return performance.now() - started;
})()`;
