/**
 * The domain corpus: the sentences the language model is estimated from. Sources, for one language:
 * knowledge articles (titles, similar questions, tags, body sentences — the questions are how customers
 * put it, the bodies how agents answer), the policy's keyword rules, per-stream phrase hints and the generic
 * call-centre phrases. Knowledge packages are read leniently: only the fields used here are checked, so a
 * package the knowledge worker accepts is always usable here too.
 */
import { z } from 'zod';
import { genericPhrases } from './generic-phrases';
import { toWords } from './normalise';

const articleSchema = z.object({
  title: z.string(),
  questions: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  body: z.string().optional(),
  lang: z.string(),
  deleted: z.boolean().optional(),
});
const packageSchema = z.object({ articles: z.array(articleSchema) });

/** What goes into one corpus. */
export interface CorpusSources {
  /** Parsed knowledge package JSON documents (`{ articles: [...] }`). */
  knowledgePackages?: readonly unknown[];
  /** Language prefix of the articles to use, e.g. "en" for en-US and en-GB articles. */
  language: string;
  /** Keyword rules and per-stream keywords: phrases that must be recognisable. */
  keywords?: readonly string[];
  /** Phrase hints (knowledge titles, product names) from the stream's start message. */
  hints?: readonly string[];
  /** Leave out the generic call-centre phrases (tests of the corpus builder itself). */
  withoutGeneric?: boolean;
}

/** Repetitions of short phrases the caller asked for, so they outweigh incidental word sequences. */
const PHRASE_WEIGHT = 3;

/**
 * Splits article markdown into sentences: lines and sentence punctuation end a sentence. Bold labels
 * ("**Steps:**") and list numbers are layout, not speech, and are dropped.
 */
function bodySentences(body: string): string[] {
  return body
    .replace(/\*\*[^*\n]+:\*\*/g, ' ')
    .replace(/^\s*(\d+\.|[-*])\s+/gm, '')
    .replace(/\*\*|__|[>#`]/g, ' ')
    .split(/\n|[.;:!?](?=\s|$)|→/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Builds the corpus.
 * @throws Error naming the package that is not a knowledge package (the caller reports it as bad-config)
 */
export function buildCorpus(sources: CorpusSources): string[][] {
  const texts: string[] = [];
  (sources.knowledgePackages ?? []).forEach((pkg, index) => {
    const parsed = packageSchema.safeParse(pkg);
    if (!parsed.success) throw new Error(`knowledge package ${index + 1} has no valid "articles" list: ${parsed.error.issues[0]?.message ?? ''}`);
    for (const article of parsed.data.articles) {
      if (article.deleted || !article.lang.toLowerCase().startsWith(sources.language.toLowerCase())) continue;
      texts.push(article.title, ...(article.questions ?? []), ...(article.tags ?? []));
      if (article.body) texts.push(...bodySentences(article.body));
    }
  });
  for (let i = 0; i < PHRASE_WEIGHT; i++) texts.push(...(sources.keywords ?? []), ...(sources.hints ?? []));
  if (!sources.withoutGeneric) texts.push(...genericPhrases());
  return texts.map(toWords).filter((words) => words.length > 0);
}
