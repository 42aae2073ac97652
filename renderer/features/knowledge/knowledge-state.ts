/**
 * The knowledge feature's UI state. A store of its own (not a slice of app/store.ts): no other feature
 * touches it (assist searches through `knowledgeQueries`, the app opens articles with `openArticle`), and
 * the search results change on every keystroke.
 */
import { create } from 'zustand';
import type { StoredKnowledgeArticle } from '../../db/schema';
import type { SearchHit } from '@common/knowledge/engine';

/** What the knowledge UI asks of the service. */
export interface KnowledgeActions {
  search(query: string): Promise<SearchHit[]>;
  article(id: string): Promise<StoredKnowledgeArticle | null>;
}

export interface KnowledgeState {
  phase: 'off' | 'loading' | 'ready' | 'failed';
  /** Why the worker or storage failed (phase failed). */
  error?: string;
  articles: number;
  /** Epoch ms of the last successful sync. */
  lastSyncedAt?: number;
  syncConfigured: boolean;
  /** The last sync's error; cleared by the next successful sync. */
  syncError?: string;
  /** navigator.onLine. */
  online: boolean;
  /** The last package that was rejected whole, with every problem. */
  rejected?: { source: string; errors: string[] };
  /** Problems of articles the last sync skipped. */
  skipped: string[];
  /** knowledge.remoteContentHosts. */
  remoteHosts: string[];
  /** knowledge.feedbackExport: opened search results are kept for KB authors, and can be exported. */
  feedbackExport: boolean;
  actions?: KnowledgeActions;
  /** An article another feature asked to show (the assist pane's Open); `seq` makes a repeat request count. */
  requested?: { id: string; seq: number };
}

/** The knowledge store (zustand). */
export const useKnowledge = create<KnowledgeState>()(() => ({
  phase: 'off',
  articles: 0,
  syncConfigured: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  skipped: [],
  remoteHosts: [],
  feedbackExport: false,
}));

let requests = 0;

/** Shows an article in the knowledge panel (from a suggestion card). */
export function openArticle(id: string): void {
  useKnowledge.setState({ requested: { id, seq: ++requests } });
}

/**
 * What other features may ask of the knowledge base (bootstrap hands it to assist): search and read
 * articles once the worker has loaded, nothing before. The store itself stays the knowledge feature's.
 */
export const knowledgeQueries: KnowledgeActions = {
  search: async (query) => (await useKnowledge.getState().actions?.search(query)) ?? [],
  article: async (id) => (await useKnowledge.getState().actions?.article(id)) ?? null,
};
