/**
 * Knowledge-base storage (Dexie `kbArticles`, `kbMeta`). Every change that touches the index is one
 * transaction over both tables, so a crash or a failed write leaves the previous knowledge base whole:
 * the articles and the index snapshot always belong together.
 */
import { getDb } from '../../db/db';
import type { StoredKnowledgeArticle } from '../../db/schema';
import { fromStoredIndex, toStoredIndex, type IndexData } from '@common/knowledge/engine';

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

/** What start-up needs: the persisted index and the bookkeeping. */
export interface KnowledgeSnapshot {
  indexData?: IndexData;
  state: KnowledgeState;
}

const INDEX_KEY = 'index';

/**
 * The persisted index as the engine loads it: the binary form (stored.ts); an older desktop's plain
 * IndexData is handed on as is (the engine refuses its version and the articles are re-indexed).
 * A damaged buffer is not an error here: the knowledge base rebuilds its index from the articles.
 */
function storedIndex(value: unknown): IndexData | undefined {
  if (!(value instanceof ArrayBuffer)) return value as IndexData;
  try {
    return fromStoredIndex(value);
  } catch {
    return undefined;
  }
}
const STATE_KEY = 'state';

/** Reads the persisted index and bookkeeping (no articles: a restart needs no rebuild). */
export async function readSnapshot(): Promise<KnowledgeSnapshot> {
  const db = getDb();
  const [index, state] = await db.kbMeta.bulkGet([INDEX_KEY, STATE_KEY]);
  const indexData = index ? storedIndex(index.value) : undefined;
  return {
    ...(indexData ? { indexData } : {}),
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
      { key: INDEX_KEY, value: toStoredIndex(indexData) },
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
      { key: INDEX_KEY, value: toStoredIndex(indexData) },
      { key: STATE_KEY, value: state },
    ]);
  });
}

/** Updates bookkeeping only (a 304 from the sync server refreshes lastSyncedAt). */
export async function writeState(state: KnowledgeState): Promise<void> {
  await getDb().kbMeta.put({ key: STATE_KEY, value: state });
}
