/**
 * The message protocol between the main thread (knowledge-client.ts) and the knowledge worker.
 * Plain data only: it crosses postMessage by structured clone.
 */
import type { StoredKnowledgeArticle } from '../../db/schema';
import type { SearchHit } from '@common/knowledge/engine';
import type { DeltaResult, ImportResult, KnowledgeStatus } from './knowledge-base';
import type { SyncOutcome } from './knowledge-sync';

/** Each request type with its parameters and what it resolves to. */
export interface KnowledgeCalls {
  /** Loads the persisted index (no rebuild). */
  open: { params: Record<string, never>; result: KnowledgeStatus };
  /** Imports a whole package (validated and indexed before anything is replaced). */
  import: { params: { text: string }; result: ImportResult & { kb: KnowledgeStatus } };
  /** One delta sync run against the server. */
  sync: { params: { url: string; maxBytes: number }; result: SyncOutcome & { kb: KnowledgeStatus } };
  search: { params: { query: string; limit?: number; product?: string }; result: SearchHit[] };
  article: { params: { id: string }; result: StoredKnowledgeArticle | null };
}

export type KnowledgeCall = keyof KnowledgeCalls;

/** main → worker. */
export type KnowledgeRequest = { [C in KnowledgeCall]: { id: number; call: C; params: KnowledgeCalls[C]['params'] } }[KnowledgeCall];

/** worker → main: the answer to request `id`. */
export type KnowledgeResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export type { DeltaResult };
