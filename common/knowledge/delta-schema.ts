/**
 * The delta the sync server answers with: the package envelope plus a cursor. The envelope is checked
 * whole (a bad one is rejected and the cursor stays), but articles one by one: a single bad article is
 * skipped and reported, the rest applied.
 */
import { z } from 'zod';
import { parseJson, type JsonParseResult } from '../json';
import { describeIssue } from '../zod-issues';
import { KNOWLEDGE_FORMAT, KNOWLEDGE_VERSION, knowledgeArticleSchema, synonymsSchema, type KnowledgeArticle } from './package-schema';

const deltaEnvelopeSchema = z.strictObject({
  format: z.literal(KNOWLEDGE_FORMAT),
  version: z.literal(KNOWLEDGE_VERSION),
  /** Opaque position after this delta; sent back as `since` next time. */
  cursor: z.string().min(1).max(512),
  /** More changes wait after this cursor: fetch again at once. */
  hasMore: z.boolean().default(false),
  generatedAt: z.iso.datetime({ offset: true }).optional(),
  /** Checked per article below. */
  articles: z.array(z.unknown()).max(100_000),
  /** When present, replaces the knowledge base's synonym groups. */
  synonyms: synonymsSchema.optional(),
});

/** A delta with its valid articles, and a report line per skipped one. */
export interface ParsedDelta {
  cursor: string;
  hasMore: boolean;
  articles: KnowledgeArticle[];
  synonyms?: string[][];
  /** e.g. `articles[2] (id "card-7").title: must not be empty`. */
  skipped: string[];
}

export type DeltaParseResult = JsonParseResult<ParsedDelta>;

/** Parses a delta's JSON text. Never throws. */
export function parseKnowledgeDelta(json: string): DeltaParseResult {
  const envelope = parseJson(deltaEnvelopeSchema, json);
  if (!envelope.ok) return envelope;
  const articles: KnowledgeArticle[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  envelope.value.articles.forEach((raw, index) => {
    const id = typeof (raw as { id?: unknown } | null)?.id === 'string' ? ` (id "${(raw as { id: string }).id}")` : '';
    const parsed = knowledgeArticleSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) skipped.push(describeIssue(issue, { prefix: `articles[${index}]${id}` }));
      return;
    }
    if (seen.has(parsed.data.id)) {
      skipped.push(`articles[${index}]${id}: duplicate id in this delta`);
      return;
    }
    seen.add(parsed.data.id);
    articles.push(parsed.data);
  });
  const { cursor, hasMore, synonyms } = envelope.value;
  return { ok: true, value: { cursor, hasMore, articles, skipped, ...(synonyms ? { synonyms } : {}) } };
}
