/**
 * Search feedback for knowledge-base authors (policy `knowledge.feedbackExport`, off by default): when an
 * agent opens a result of a search, the query is kept on this computer against the opened article, so KB
 * authors can add the way callers really ask as a similar question (相似问). Pure functions: what a query
 * may be kept as, and how the kept entries become the exported JSON Lines file. Storage: feedback-repo.ts.
 *
 * A query is personal data before it is anything else: it goes through the log redaction
 * (common/contract/redact.ts: card, phone, resident-id and other long numbers, e-mail addresses, secrets),
 * the redacted parts are cut out (a candidate question has no use for them), and a query that still looks
 * personal is not kept at all. Nothing about the agent, the call or the customer is recorded.
 */
import { redact } from '@common/contract/redact';
import { fold } from '@common/knowledge/engine';
import type { StoredSearchFeedback as SearchFeedbackEntry } from '../../db/schema';

export type { SearchFeedbackEntry };

/** What one line of the export says: a candidate similar question for an article. */
export interface FeedbackCandidate {
  articleId: string;
  title: string;
  query: string;
  /** How many times a search with this query led to this article. */
  count: number;
}

/** The most entries kept; the oldest are dropped first. */
export const MAX_FEEDBACK_ENTRIES = 5000;
/** Longer queries are pasted text (a message, a note), not a question someone asked. */
const MAX_QUERY_LENGTH = 120;

/** What redact() puts in place of what it removed: `[REDACTED]`, `[REDACTED-CARD]`, `[REDACTED-PHONE …1234]`. */
const REDACTION = /\[REDACTED[^\]]*\]/g;
/**
 * What still looks personal once redaction is done: four or more digits in a row (the last four of a card,
 * an account or a policy number, an amount someone could be traced by), an @, a web address, or a
 * Chinese resident-id-like run with X.
 */
const STILL_PERSONAL = [/[0-9\uFF10-\uFF19]{4,}/, /[@＠]/, /(?:https?:|www\.)/i, /[0-9]{6,}[Xx]/];

/**
 * The query as it may be kept, or null when it must not be: redacted as log lines are, the redacted parts
 * removed, white space collapsed; dropped when empty, longer than a question, or still looking personal.
 */
export function anonymiseQuery(query: string): string | null {
  const redacted = redact(query).replace(REDACTION, ' ').replace(/\s+/g, ' ').trim();
  if (redacted.length < 2 || redacted.length > MAX_QUERY_LENGTH) return null;
  if (STILL_PERSONAL.some((pattern) => pattern.test(redacted))) return null;
  return redacted;
}

/** The local date of a moment, YYYY-MM-DD. */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * A question's identity for "already a similar question": folded as the search folds text (case,
 * full-width, Traditional → Simplified, variant characters), without punctuation and spaces, so 卡丢了怎么办？
 * and 卡丟了 怎麼辦 are one question.
 */
export function questionKey(text: string): string {
  return fold(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The current article an entry points to: its title and the questions it already has. */
export interface FeedbackArticle {
  id: string;
  title: string;
  questions: readonly string[];
}

/**
 * Groups the entries into candidates: one per article and query (counted), without the queries the
 * article already has as its title or a similar question, and without articles no longer in the knowledge
 * base. Ordered by article, then most asked first, so an author works through one article at a time.
 */
export function feedbackCandidates(entries: readonly SearchFeedbackEntry[], articles: ReadonlyMap<string, FeedbackArticle>): FeedbackCandidate[] {
  const groups = new Map<string, FeedbackCandidate>();
  const known = new Map<string, Set<string>>();
  for (const entry of entries) {
    const article = articles.get(entry.articleId);
    if (!article) continue;
    let existing = known.get(article.id);
    if (!existing) known.set(article.id, (existing = new Set([article.title, ...article.questions].map(questionKey))));
    const key = questionKey(entry.query);
    if (key === '' || existing.has(key)) continue;
    const id = `${article.id}\u0000${key}`;
    const group = groups.get(id);
    if (group) group.count++;
    else groups.set(id, { articleId: article.id, title: article.title, query: entry.query, count: 1 });
  }
  return [...groups.values()].sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : b.count - a.count));
}

/** The export file: one JSON object per line. */
export function toJsonLines(candidates: readonly FeedbackCandidate[]): string {
  return candidates.map(({ articleId, title, query, count }) => `${JSON.stringify({ articleId, title, query, count })}\n`).join('');
}
