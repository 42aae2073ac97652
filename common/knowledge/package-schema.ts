/**
 * The knowledge package: the file IT ships with the build (policy `knowledge.packagePath`) and the
 * unit of delta sync. One JSON document, validated whole: a package that fails validation is rejected
 * with every problem listed, so the previous knowledge base stays in use. Pure zod, no DOM, so the
 * worker, the CLI (tools/kb-eval.ts) and the renderer all parse it the same way.
 */
import { z } from 'zod';
import { parseJson, type JsonParseResult } from '../json';

/** The package format name, so a stray JSON file is not mistaken for a knowledge base. */
export const KNOWLEDGE_FORMAT = 'lingxi-knowledge';
/** The current package format version; readers reject versions they do not know. */
export const KNOWLEDGE_VERSION = 1;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** One article: a standard question (title) with the ways customers actually ask it (questions). */
export const knowledgeArticleSchema = z.strictObject({
  /** Stable id, unique in the package; deltas refer to articles by it. */
  id: z.string().regex(/^[\w.:-]{1,128}$/, 'must be 1–128 letters, digits, _ . : or -'),
  /** The standard question (标准问), shown as the article's heading. */
  title: text(500),
  /** Similar questions (相似问): how customers phrase it. Ranked as first-class evidence. */
  questions: z.array(text(1000)).max(1000).default([]),
  /** The answer, in Markdown. Sanitized before display. */
  body: z.string().max(200_000).default(''),
  tags: z.array(text(64)).max(50).default([]),
  /** Product line, e.g. "credit-card", for filtering. */
  product: z.string().max(64).optional(),
  /** BCP 47 language of the article, e.g. zh-CN, zh-TW, en. */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as zh-CN'),
  /** Last edit, ISO 8601 with time zone. */
  updatedAt: z.iso.datetime({ offset: true }),
  /** A tombstone: in a delta, removes the article. */
  deleted: z.boolean().default(false),
  /**
   * Compliance steps the agent must say while this article is in use (assist pane checklist); an item
   * ticks when the agent says one of its phrases (matched fuzzily, in the article's language).
   */
  checklist: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[\w.:-]{1,64}$/, 'must be 1–64 letters, digits, _ . : or -'),
        label: text(200),
        phrases: z.array(text(200)).min(1, 'needs at least one phrase').max(50),
      }),
    )
    .max(30)
    .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'checklist item ids must be unique')
    .optional(),
});

/** Groups of interchangeable terms, e.g. ["挂失", "冻结卡片"] or ["atm", "cash machine"]. */
export const synonymsSchema = z.array(z.array(text(64)).min(2, 'a synonym group needs at least two terms')).max(5000);

/** A whole knowledge package. */
export const knowledgePackageSchema = z
  .strictObject({
    format: z.literal(KNOWLEDGE_FORMAT),
    version: z.literal(KNOWLEDGE_VERSION),
    /** When the package was built (ISO 8601); informational. */
    generatedAt: z.iso.datetime({ offset: true }).optional(),
    articles: z.array(knowledgeArticleSchema).max(100_000),
    synonyms: synonymsSchema.default([]),
  })
  .superRefine((pkg, ctx) => {
    const seen = new Set<string>();
    pkg.articles.forEach((article, index) => {
      if (seen.has(article.id)) {
        ctx.addIssue({ code: 'custom', path: ['articles', index, 'id'], message: `duplicate id "${article.id}"` });
      }
      seen.add(article.id);
    });
  });

export type KnowledgeArticle = z.infer<typeof knowledgeArticleSchema>;
export type KnowledgePackage = z.infer<typeof knowledgePackageSchema>;

/** The outcome of reading a package: the package, or every problem found in it. */
export type PackageParseResult = JsonParseResult<KnowledgePackage>;

/**
 * Parses a package from its JSON text. Never throws: bad JSON and schema violations both come back as
 * errors ("articles[3].title: must not be empty"), so the caller can keep the knowledge base it has.
 */
export function parseKnowledgePackage(json: string): PackageParseResult {
  return parseJson(knowledgePackageSchema, json);
}
