/**
 * The knowledge base the worker owns: the engine plus its storage. Every change is prepared in full
 * (validated, index built) before anything is replaced, then committed in one transaction and only
 * then swapped in, so searches always run against a whole knowledge base, old or new.
 * No DOM, no React: runs in the worker and in unit tests.
 */
import type { StoredKnowledgeArticle } from '../../db/schema';
import type { ParsedDelta } from '@common/knowledge/delta-schema';
import { KnowledgeEngine, PartialIndex, type SearchHit, type SearchOptions } from '@common/knowledge/engine';
import { commitDelta, readArticle, readArticles, readSnapshot, replaceKnowledgeBase, writeState, type KnowledgeState, type PersistedIndex } from './knowledge-repo';
import { parseKnowledgePackage } from '@common/knowledge/package-schema';

/** The outcome of importing a package file. */
export type ImportResult =
  | { status: 'imported'; articles: number }
  | { status: 'unchanged'; articles: number }
  | { status: 'rejected'; errors: string[] };

/** The outcome of applying a delta. */
export interface DeltaResult {
  applied: number;
  deleted: number;
  /** One line per problem of a skipped article. */
  skipped: string[];
}

/** What the UI shows about the knowledge base. */
export interface KnowledgeStatus {
  articles: number;
  lastSyncedAt?: number;
  packageVersion?: string;
}

/** SHA-256 of the package text: the package's identity, so an unchanged file is not imported twice. */
export async function packageHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The index build every import, delta and rebuild runs (the bench times this same function: test/bench/knowledge-build.ts). */
export function buildEngine(articles: readonly StoredKnowledgeArticle[], synonyms: readonly string[][] = []): KnowledgeEngine {
  // Id order, so the same knowledge base always gets the same index (ties rank the same after a rebuild).
  const live = articles.filter((a) => !a.deleted).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return KnowledgeEngine.build(live, synonyms);
}

/**
 * Stored indexes this large are served partially while they are read whole. A chosen threshold, not a measured
 * one: a 10,000-article index (over 100 MB) takes seconds to read and decode (the knowledge bench), while
 * indexes of small knowledge bases are a few MB or less and are read whole.
 */
const PARTIAL_MIN_BYTES = 8 * 2 ** 20;
/** How long the partial index must have been idle before the whole index is read, then decoded. */
const PARTIAL_IDLE_MS = 400;

export class KnowledgeBase {
  private engine: KnowledgeEngine | undefined;
  /** Serves searches from ranges of the stored index until the whole index is read (large knowledge bases). */
  private partial: PartialIndex | undefined;
  private partialSearches = 0;
  private lastPartialAt = 0;
  private state: KnowledgeState = {};
  // Imports and deltas run one after the other: each builds on the knowledge base the previous left.
  private queue: Promise<unknown> = Promise.resolve();

  /** @param partialMinBytes stored indexes this large (and larger) answer partially while read whole */
  constructor(private readonly partialMinBytes = PARTIAL_MIN_BYTES) {}

  /** What answers searches now: part of the stored index, the whole index, or nothing yet. */
  get serving(): 'partial' | 'whole' | 'none' {
    return this.engine ? 'whole' : this.partial ? 'partial' : 'none';
  }

  /**
   * Loads the persisted index (no rebuild); rebuilds from the stored articles only if the index is unusable.
   * A large index answers from ranges of its stored form at once (PartialIndex) and is read whole next,
   * in the queue, so an import or delta waits for it and then replaces it.
   */
  open(): Promise<KnowledgeStatus> {
    return this.serial(async () => {
      const snapshot = await readSnapshot();
      this.state = snapshot.state;
      const { index } = snapshot;
      if (index && index.size >= this.partialMinBytes) {
        const partial = await PartialIndex.open(index.read, index.size).catch(() => undefined);
        if (partial) {
          this.partial = partial;
          this.lastPartialAt = performance.now();
          // Reading 100 MB from the stored Blob holds up the partial index's small reads, and decoding it holds up the
          // worker: both wait until the partial index has been idle a moment (the agent's first queries are answered first).
          void this.serial(async () => {
            await this.partialIdle();
            await this.loadWhole(index, () => this.partialIdle());
          });
          return this.status();
        }
      }
      await this.loadWhole(index);
      return this.status();
    });
  }

  private async loadWhole(index: PersistedIndex | undefined, beforeDecode?: () => Promise<void>): Promise<void> {
    const data = await index?.whole(beforeDecode);
    try {
      if (data) {
        this.engine = KnowledgeEngine.load(data);
        return;
      }
    } catch {
      // An index from another engine version: fall through and rebuild it from the articles.
    } finally {
      this.partial = undefined;
    }
    const articles = await readArticles();
    if (articles.length > 0) {
      this.engine = buildEngine(articles, this.state.synonyms);
      await replaceKnowledgeBase(articles, this.engine.data, this.state);
    }
  }

  /** Whether any knowledge base is loaded. */
  get loaded(): boolean {
    return this.engine !== undefined;
  }

  status(): KnowledgeStatus {
    const { lastSyncedAt, packageVersion } = this.state;
    return {
      articles: this.engine?.size ?? this.partial?.size ?? 0,
      ...(lastSyncedAt !== undefined ? { lastSyncedAt } : {}),
      ...(packageVersion !== undefined ? { packageVersion } : {}),
    };
  }

  /** The sync bookkeeping (cursor, ETag). */
  get syncState(): Readonly<KnowledgeState> {
    return this.state;
  }

  /**
   * Imports a whole package, replacing the knowledge base. A package that fails validation is rejected
   * whole, with every problem and its path; the current knowledge base stays, untouched. The same
   * package (by content hash) is not imported twice. A new package resets the sync cursor: the server's
   * deltas are relative to what the client has, and the client now has the package.
   */
  importPackage(text: string): Promise<ImportResult> {
    return this.serial(async () => {
      const version = await packageHash(text);
      if (this.engine && this.state.packageVersion === version) return { status: 'unchanged', articles: this.engine.size };
      const parsed = parseKnowledgePackage(text);
      if (!parsed.ok) return { status: 'rejected', errors: parsed.errors };
      const articles = parsed.value.articles.filter((a) => !a.deleted);
      const engine = buildEngine(articles, parsed.value.synonyms);
      const state: KnowledgeState = { packageVersion: version, synonyms: parsed.value.synonyms };
      await replaceKnowledgeBase(articles, engine.data, state);
      this.engine = engine;
      this.state = state;
      return { status: 'imported', articles: engine.size };
    });
  }

  /**
   * Applies a sync delta: its valid articles are upserted (tombstones delete), its skipped ones reported.
   * The cursor and ETag advance in the same transaction as the articles, so an interrupted sync resumes
   * from the last committed delta.
   */
  applyDelta(delta: ParsedDelta, etag: string | undefined, now = Date.now()): Promise<DeltaResult> {
    return this.serial(async () => {
      const byId = new Map((await readArticles()).map((a) => [a.id, a]));
      const upserts = delta.articles.filter((a) => !a.deleted);
      const deletions = delta.articles.filter((a) => a.deleted).map((a) => a.id);
      for (const id of deletions) byId.delete(id);
      for (const article of upserts) byId.set(article.id, article);
      const synonyms = delta.synonyms ?? this.state.synonyms ?? [];
      const engine = buildEngine([...byId.values()], synonyms);
      const state: KnowledgeState = { ...this.state, syncCursor: delta.cursor, lastSyncedAt: now, synonyms };
      if (etag !== undefined) state.etag = etag;
      else delete state.etag;
      await commitDelta(upserts, deletions, engine.data, state);
      this.engine = engine;
      this.state = state;
      return { applied: upserts.length, deleted: deletions.length, skipped: delta.skipped };
    });
  }

  /** Records a sync that found nothing new (HTTP 304). */
  markSynced(now = Date.now()): Promise<void> {
    return this.serial(async () => {
      this.state = { ...this.state, lastSyncedAt: now };
      await writeState(this.state);
    });
  }

  /** Ranked hits; empty while no knowledge base is loaded. */
  async search(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    if (this.engine) return this.engine.search(query, options);
    const { partial } = this;
    if (!partial) return [];
    this.partialSearches++;
    try {
      return await partial.search(query, options);
    } finally {
      this.partialSearches--;
      this.lastPartialAt = performance.now();
    }
  }

  /** Resolves once no partial search is running and none has for PARTIAL_IDLE_MS. */
  private async partialIdle(): Promise<void> {
    while (this.partialSearches > 0 || performance.now() - this.lastPartialAt < PARTIAL_IDLE_MS) {
      await new Promise((resolve) => setTimeout(resolve, PARTIAL_IDLE_MS / 4));
    }
  }

  /** One article with its body, for the article view. */
  article(id: string): Promise<StoredKnowledgeArticle | undefined> {
    return readArticle(id);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    // The caller gets the failure through `run`; the queue only has to move on to the next task.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
