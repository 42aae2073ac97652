/**
 * Knowledge-base storage (Dexie `kbArticles`, `kbMeta`). Every change that touches the index is one
 * transaction over both tables, so a crash or a failed write leaves the previous knowledge base whole:
 * the articles and the index snapshot always belong together.
 */
import { getDb } from '../../db/db';
import type { StoredKnowledgeArticle } from '../../db/schema';
import { fromStoredIndex, toStoredIndex, type IndexData, type ReadRange } from '@common/knowledge/engine';

/** Sync and import bookkeeping kept next to the index. */
export interface KnowledgeState {
  /** Identifies the imported package (a content hash), so an unchanged file is not imported again. */
  packageVersion?: string;
  /** The delta cursor: only advanced together with the delta it came with. */
  syncCursor?: string;
  /** The sync server's ETag for the last delta answer. */
  etag?: string;
  /** Epoch ms of the last successful sync (a 304 counts). */
  lastSyncedAt?: number;
  /** Synonym groups of the knowledge base (from the package, replaced by a delta that carries some). */
  synonyms?: string[][];
}

/**
 * The persisted index (stored.ts's form, kept as a Blob): its size, ranges of it (a partial index answers
 * the first queries from them, partial.ts), and the whole of it decoded. An older desktop's plain IndexData
 * comes back as is from whole() (the engine refuses its version and the articles are re-indexed); a damaged
 * buffer gives undefined, not an error: the knowledge base rebuilds its index from the articles.
 */
export interface PersistedIndex {
  size: number;
  read: ReadRange;
  /** Reads and decodes the whole index; `beforeDecode` may hold the (blocking) decode back after the read. */
  whole(beforeDecode?: () => Promise<void>): Promise<IndexData | undefined>;
}

/** What start-up needs: the persisted index and the bookkeeping. */
export interface KnowledgeSnapshot {
  index?: PersistedIndex;
  state: KnowledgeState;
}

const INDEX_KEY = 'index';

function decoded(buffer: ArrayBuffer): IndexData | undefined {
  try {
    return fromStoredIndex(buffer);
  } catch {
    return undefined;
  }
}

function persistedIndex(value: unknown): PersistedIndex {
  if (value instanceof Blob) {
    return {
      size: value.size,
      read: (from, to) => value.slice(from, to).arrayBuffer(),
      whole: async (beforeDecode) => {
        const bytes = await value.arrayBuffer();
        await beforeDecode?.();
        return decoded(bytes);
      },
    };
  }
  if (value instanceof ArrayBuffer) {
    return { size: value.byteLength, read: async (from, to) => value.slice(from, to), whole: async () => decoded(value) };
  }
  return { size: 0, read: async () => new ArrayBuffer(0), whole: async () => value as IndexData };
}

/** The stored form of an index: a Blob, so a reader can take ranges of it without reading it all. */
function toStored(indexData: IndexData): Blob {
  return new Blob([toStoredIndex(indexData)]);
}

const STATE_KEY = 'state';

/** Reads the persisted index (a handle: nothing of it is read yet) and bookkeeping; no articles, a restart needs no rebuild. */
export async function readSnapshot(): Promise<KnowledgeSnapshot> {
  const db = getDb();
  const [index, state] = await db.kbMeta.bulkGet([INDEX_KEY, STATE_KEY]);
  return {
    ...(index ? { index: persistedIndex(index.value) } : {}),
    state: (state?.value as KnowledgeState | undefined) ?? {},
  };
}

/** Every stored article (for a rebuild after a delta). */
export function readArticles(): Promise<StoredKnowledgeArticle[]> {
  return getDb().kbArticles.toArray();
}

/** One article, for the article view. */
export function readArticle(id: string): Promise<StoredKnowledgeArticle | undefined> {
  return getDb().kbArticles.get(id);
}

/** The stored articles among these ids (missing ones left out), for the search-feedback export. */
export async function readArticlesById(ids: readonly string[]): Promise<StoredKnowledgeArticle[]> {
  const found = await getDb().kbArticles.bulkGet([...ids]);
  return found.filter((a): a is StoredKnowledgeArticle => a !== undefined);
}

/**
 * Replaces the whole knowledge base (a package import): articles, index and bookkeeping in one
 * transaction. The caller validated the package and built the index first, so nothing here can
 * half-apply: either the transaction commits or the old rows stay.
 */
export async function replaceKnowledgeBase(articles: readonly StoredKnowledgeArticle[], indexData: IndexData, state: KnowledgeState): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.kbArticles, db.kbMeta, async () => {
    await db.kbArticles.clear();
    await db.kbArticles.bulkPut(articles.filter((a) => !a.deleted));
    await db.kbMeta.bulkPut([
      { key: INDEX_KEY, value: toStored(indexData) },
      { key: STATE_KEY, value: state },
    ]);
  });
}

/**
 * Applies a delta: upserts and tombstones, the rebuilt index and the new bookkeeping (the advanced
 * cursor) in one transaction, so the cursor never moves past a delta that was not stored.
 */
export async function commitDelta(
  upserts: readonly StoredKnowledgeArticle[],
  deletions: readonly string[],
  indexData: IndexData,
  state: KnowledgeState,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.kbArticles, db.kbMeta, async () => {
    await db.kbArticles.bulkDelete([...deletions]);
    await db.kbArticles.bulkPut([...upserts]);
    await db.kbMeta.bulkPut([
      { key: INDEX_KEY, value: toStored(indexData) },
      { key: STATE_KEY, value: state },
    ]);
  });
}

/** Updates bookkeeping only (a 304 from the sync server refreshes lastSyncedAt). */
export async function writeState(state: KnowledgeState): Promise<void> {
  await getDb().kbMeta.put({ key: STATE_KEY, value: state });
}
