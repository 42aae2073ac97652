/** Small knowledge packages and deltas for the knowledge unit tests. */
import type { KnowledgeArticle } from '@common/knowledge/package-schema';

/** A valid article; override what the test is about. */
export function article(id: string, title: string, questions: string[] = [], extra: Partial<KnowledgeArticle> = {}): KnowledgeArticle {
  return { id, title, questions, body: `Answer for ${title}`, tags: [], lang: 'en', updatedAt: '2025-01-01T00:00:00Z', deleted: false, ...extra };
}

/** A package's JSON text. */
export function packageText(articles: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: 'lingxi-knowledge', version: 1, articles, ...extra });
}

export const lostCard = article('card-lost', 'How do I report a lost card?', ['I lost my card', 'my card was stolen', '卡丢了怎么挂失']);
export const balance = article('balance', 'How do I check my balance?', ['how much money do I have left', '我还有多少钱']);
export const annualFee = article('annual-fee', 'Can the annual fee be waived?', ['waive my annual fee', '年费能免吗']);
