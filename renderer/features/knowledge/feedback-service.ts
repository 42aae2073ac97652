/**
 * The search-feedback loop (policy knowledge.feedbackExport): records an opened search result while the
 * policy is on, and exports what was kept as a JSON Lines file of candidate similar questions.
 */
import { drop } from '@common/logging/drop';
import { createLogger } from '../../platform/logger';
import { downloadFile } from '../../platform/download';
import type { StoredKnowledgeArticle } from '../../db/schema';
import { addFeedback, readFeedback } from './feedback-repo';
import { readArticlesById } from './knowledge-repo';
import { anonymiseQuery, feedbackCandidates, localDay, toJsonLines, type FeedbackArticle } from './search-feedback';
import { useKnowledge } from './knowledge-state';

const log = createLogger('knowledge');

/**
 * Keeps that a search for `query` led the agent to open `article`, the `rank`-th result (1-based). Does
 * nothing while the policy is off or when the query must not be kept (search-feedback.ts).
 */
export function recordOpenedResult(query: string, article: Pick<StoredKnowledgeArticle, 'id' | 'title' | 'lang'>, rank: number, now = new Date()): void {
  if (!useKnowledge.getState().feedbackExport) return;
  const kept = anonymiseQuery(query);
  if (kept === null) return;
  drop(addFeedback({ query: kept, articleId: article.id, title: article.title, rank, lang: article.lang, day: localDay(now) }), log, 'keeping search feedback');
}

/** The export file's content: candidates against the knowledge base as it is now. */
export async function searchFeedbackFile(): Promise<{ text: string; candidates: number }> {
  const entries = await readFeedback();
  const stored = await readArticlesById([...new Set(entries.map((e) => e.articleId))]);
  const articles = new Map<string, FeedbackArticle>(stored.map((a) => [a.id, a]));
  const candidates = feedbackCandidates(entries, articles);
  return { text: toJsonLines(candidates), candidates: candidates.length };
}

/**
 * Downloads the candidates as `lingxi-search-feedback-<day>.jsonl`.
 * @returns how many candidate lines the file has
 */
export async function exportSearchFeedback(now = new Date()): Promise<number> {
  const file = await searchFeedbackFile();
  downloadFile(`lingxi-search-feedback-${localDay(now)}.jsonl`, file.text, 'application/x-ndjson');
  log.info(`search feedback exported: ${file.candidates} candidate(s)`);
  return file.candidates;
}
