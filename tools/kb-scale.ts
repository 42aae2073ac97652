/**
 * `npx tsx tools/kb-scale.ts [--articles 10000] [--questions 20]`: builds a
 * knowledge index for a generated bank-sized knowledge base and prints one JSON object
 * {articles, questions, build_s, index_mb, weights, recall_at_1, recall_at_3}. Run it under
 * `/usr/bin/time -v` for the peak memory (Maximum resident set size).
 * Text: half English, words drawn with a Zipf distribution from pocketsphinx's CMU dictionary
 * (Debian), half Chinese, characters drawn with a Zipf distribution over the sample KB's character
 * frequencies. Each article has a topic (a few content words); its title and similar questions mix
 * topic words with common words, and the queries are further paraphrases of the topic, not prefixes.
 * `index_mb` counts what IndexedDB stores: typed-array bytes plus strings as UTF-16.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KnowledgeEngine, type EngineArticle, type IndexData } from '@common/knowledge/engine';
import { seededRandom } from './banking77';
import type { LabelledQuery } from './banking77';
import { evaluate } from './kb-metrics';

const DICT = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';
type Random = () => number;

/** Draws ranks 0..n-1 with probability ∝ 1/(rank + 1) (Zipf, s = 1). */
function zipf(n: number, random: Random): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + 1);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function englishWords(): string[] {
  const words = readFileSync(DICT, 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((w) => /^[a-z]{2,12}$/.test(w));
  return [...new Set(words)];
}

function hanCharacters(): string[] {
  const counts = new Map<string, number>();
  for (const ch of readFileSync('assets/knowledge/sample-kb.json', 'utf8')) if (/\p{Script=Han}/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

/** A generated knowledge base and paraphrased queries (one per article). */
export function generate(nArticles: number, nQuestions: number, seed = 7): { articles: EngineArticle[]; queries: LabelledQuery[] } {
  const random = seededRandom(seed);
  const english = englishWords();
  // A random order, so Zipf ranks are not alphabetical.
  for (let i = english.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [english[i], english[j]] = [english[j] as string, english[i] as string];
  }
  const han = hanCharacters();
  const draw = { en: zipf(english.length, random), zh: zipf(han.length, random) };
  const articles: EngineArticle[] = [];
  const queries: LabelledQuery[] = [];
  for (let a = 0; a < nArticles; a++) {
    const zh = a % 2 === 1;
    // Chinese "words" are two characters; the topic is what the article is about.
    const word = zh ? () => `${han[draw.zh()]}${han[draw.zh()]}` : () => english[draw.en()] as string;
    const topic = Array.from({ length: 4 }, word);
    const line = (topicWords: number, others: number): string => {
      const parts = [...topic].sort(() => random() - 0.5).slice(0, topicWords);
      for (let i = 0; i < others; i++) parts.splice(Math.floor(random() * (parts.length + 1)), 0, word());
      return parts.join(zh ? '' : ' ');
    };
    const id = `a${a}`;
    articles.push({
      id,
      title: line(3, 1),
      questions: Array.from({ length: nQuestions }, () => line(2 + Math.floor(random() * 2), 3 + Math.floor(random() * 5))),
      body: Array.from({ length: 4 }, () => line(1, 12)).join(zh ? '。' : '. '),
      tags: [],
      lang: zh ? 'zh-CN' : 'en',
    });
    queries.push({ query: line(2, 3), expected: id });
  }
  return { articles, queries };
}

/** Bytes IndexedDB stores for an index: typed arrays as is, strings as UTF-16. */
export function storedBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value === 'number' || typeof value === 'boolean') return 8;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + storedBytes(v), 0);
  if (value && typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + 2 * k.length + storedBytes(v), 0);
  return 0;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      questions: { type: 'string', default: '20' },
    },
  });
  const { articles, queries } = generate(Number(values.articles), Number(values.questions));
  const started = performance.now();
  const data: IndexData = KnowledgeEngine.build(articles).data;
  const buildS = (performance.now() - started) / 1000;
  const { classifier, ...lexical } = data;
  const sample = queries.slice(0, 2000);
  const report = evaluate(KnowledgeEngine.load(data), sample);
  const plain = evaluate(KnowledgeEngine.load(lexical as IndexData), sample);
  const weights = (classifier?.softmax.weights.value.length ?? 0) + (classifier?.facets?.model.weights.value.length ?? 0);
  const round = (x: number): number => Math.round(x * 100) / 100;
  console.log(
    JSON.stringify({
      articles: articles.length,
      questions: Number(values.questions),
      build_s: round(buildS),
      index_mb: round(storedBytes(data) / 2 ** 20),
      weights,
      recall_at_1: report.recall_at_1,
      recall_at_3: report.recall_at_3,
      search_p95_ms: report.p95_ms,
      lexical_recall_at_1: plain.recall_at_1,
      lexical_recall_at_3: plain.recall_at_3,
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
