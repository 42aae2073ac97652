/**
 * A generated bank-sized knowledge base with realistic text, for the bench (`test/bench/knowledge.ts`) and
 * the scale tools: `generate(nArticles, nQuestions, seed)` → articles and paraphrased, labelled queries.
 *
 * Words: English from Debian's `wamerican` (/usr/share/dict/american-english, lower-case words of 3–12
 * letters, plus the two-letter words of the list below). The list has no frequencies, so the ranks are:
 * first the hundred commonest English words (COMMONEST, the usual top of English frequency lists), then
 * the rest by length (shorter words are the commoner ones: Zipf's law of abbreviation; random order
 * within a length); words are drawn with a Zipf distribution over those ranks (p ∝ 1/rank). Chinese from Debian's `rime-data-pinyin-simp` (the Android Pinyin IME
 * dictionary: 65,000 words and characters with corpus frequencies), drawn in proportion to those
 * frequencies, which are Zipfian themselves (的 4.8 M, 我们 0.3 M, …).
 *
 * Articles alternate en / zh-CN. Each has a topic: a few content words (drawn past the commonest
 * ranks, as "annual fee waiver" is). Its title and similar questions mix topic words with common words
 * (realistic lengths: 5–11 English words, about 8–25 Chinese characters); its body is a few hundred characters.
 * A query is a further paraphrase: two topic words among other common words, never a prefix of (or
 * equal to) one of the article's questions.
 */
import { readFileSync } from 'node:fs';
import type { EngineArticle } from '@common/knowledge/engine';
import { KNOWLEDGE_FORMAT, KNOWLEDGE_VERSION, type KnowledgePackage } from '@common/knowledge/package-schema';
import { seededRandom, type LabelledQuery } from './banking77';

export const ENGLISH_WORDS = '/usr/share/dict/american-english';
export const CHINESE_WORDS = '/usr/share/rime-data/pinyin_simp.dict.yaml';
/** Ranks this common and commoner are function words; topic (content) words are drawn past them. */
const COMMON_RANKS = 100;

type Random = () => number;

/** A generated knowledge base. */
export interface GeneratedKb {
  articles: EngineArticle[];
  /** One paraphrased query per article, labelled with the article that answers it. */
  queries: LabelledQuery[];
}

/** A word list in rank order (commonest first) with each word's relative weight. */
export interface WordList {
  words: string[];
  weights: number[];
}

/**
 * Draws indexes 0..weights.length-1 (from `from` on) with probability ∝ weight.
 * Binary search over the cumulative weights: O(log n) per draw.
 */
export function weightedSampler(weights: readonly number[], random: Random): (from?: number) => number {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  return (from = 0) => {
    const below = from > 0 ? (cumulative[from - 1] as number) : 0;
    const x = below + random() * (total - below);
    let lo = from;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const lists = new Map<string, string[]>();

/** The lines of a Debian word list, read once per process. */
function readList(path: string, pkg: string): string[] {
  let lines = lists.get(path);
  if (!lines) {
    try {
      lines = readFileSync(path, 'utf8').split('\n');
    } catch (error) {
      throw new Error(`${path} is missing: apt-get install ${pkg} (${String(error)})`, { cause: error });
    }
    lists.set(path, lines);
  }
  return lines;
}

/** The hundred commonest English words (the usual head of English frequency lists), commonest first. */
const COMMONEST = (
  'the of and to a in is you that it he was for on are as with his they at be this have from or one had by ' +
  'but not what all were we when your can said there use an each which she do how their if will up other ' +
  'about out many then them these so some her would make like him into time has look two more go see no way ' +
  'could people my than first been call who its now find long down day did get come made may part over new ' +
  'sound take only little work know place year live me back give most very after thing our just name good'
).split(' ');

/** wamerican's lower-case words: COMMONEST first, then the rest by length (random within a length); Zipf weights 1/rank. */
export function englishWords(random: Random): WordList {
  const listed = new Set(readList(ENGLISH_WORDS, 'wamerican'));
  const head = COMMONEST.filter((w) => listed.has(w));
  const inHead = new Set(head);
  const rest = [...listed]
    .filter((w) => /^[a-z]{3,12}$/.test(w) && !inHead.has(w))
    .map((word) => ({ word, key: word.length + random() }));
  rest.sort((a, b) => a.key - b.key);
  const words = [...head, ...rest.map((k) => k.word)];
  return { words, weights: words.map((_, rank) => 1 / (rank + 1)) };
}

let chinese: WordList | undefined;

/** The Rime/Android Pinyin IME dictionary's Han words (1–4 characters), weight = summed frequency over readings. */
export function chineseWords(): WordList {
  if (chinese) return chinese;
  const counts = new Map<string, number>();
  for (const line of readList(CHINESE_WORDS, 'rime-data-pinyin-simp')) {
    const [word, , weight] = line.split('\t');
    if (!word || weight === undefined || !/^\p{Script=Han}{1,4}$/u.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + Number(weight));
  }
  const ranked = [...counts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  chinese = { words: ranked.map(([w]) => w), weights: ranked.map(([, n]) => n) };
  return chinese;
}

/** Draws words of one language: common (any rank) or content (past the commonest ranks). */
class Vocabulary {
  private readonly draw: (from?: number) => number;
  constructor(
    private readonly list: WordList,
    random: Random,
    private readonly contentFilter: (word: string) => boolean,
  ) {
    this.draw = weightedSampler(list.weights, random);
  }
  common(): string {
    return this.list.words[this.draw()] as string;
  }
  content(): string {
    for (;;) {
      const word = this.list.words[this.draw(COMMON_RANKS)] as string;
      if (this.contentFilter(word)) return word;
    }
  }
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const between = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** Writes one language's lines: words joined and punctuated the way that language writes them. */
interface Writer {
  vocabulary: Vocabulary;
  /** A line of `topicWords` of the topic among `others` common words. */
  line(topic: readonly string[], topicWords: number, others: number): string[];
  join(words: string[], end: '?' | '.' | ''): string;
  /** Sentences as one body text. */
  body(sentences: string[]): string;
  /** Target body length in characters. */
  bodyChars(): number;
}

function writer(vocabulary: Vocabulary, zh: boolean, random: Random): Writer {
  return {
    vocabulary,
    line(topic, topicWords, others) {
      const words = shuffle([...topic], random).slice(0, topicWords);
      for (let i = 0; i < others; i++) words.splice(Math.floor(random() * (words.length + 1)), 0, vocabulary.common());
      return words;
    },
    join(words, end) {
      if (zh) return words.join('') + (end === '?' ? '？' : end === '.' ? '。' : '');
      const text = words.join(' ');
      return text.charAt(0).toUpperCase() + text.slice(1) + end;
    },
    body: (sentences) => sentences.join(zh ? '' : ' '),
    bodyChars: () => (zh ? between(random, 150, 300) : between(random, 300, 600)),
  };
}

function article(id: string, zh: boolean, w: Writer, nQuestions: number, random: Random): { article: EngineArticle; query: string } {
  const topic = Array.from({ length: between(random, 3, 5) }, () => w.vocabulary.content());
  const title = w.join(w.line(topic, 3, between(random, 1, 2)), '');
  const questions = Array.from({ length: nQuestions }, () => w.join(w.line(topic, between(random, 2, 3), between(random, 3, 8)), random() < 0.6 ? '?' : ''));
  const sentences: string[] = [];
  const target = w.bodyChars();
  while (w.body(sentences).length < target) sentences.push(w.join(w.line(topic, 1, between(random, 8, 14)), '.'));
  let query = '';
  // A paraphrase, never a question's prefix (the old bench typed prefixes); redraw in the rare collision.
  do query = w.join(w.line(topic, 2, between(random, 2, 4)), '');
  while (questions.some((q) => q.toLowerCase().startsWith(query.toLowerCase())));
  return { article: { id, title, questions, body: w.body(sentences), tags: [], lang: zh ? 'zh-CN' : 'en' }, query };
}

/**
 * `nArticles` reproducible articles with `nQuestions` similar questions each, even indexes English,
 * odd Chinese, ids `a00000`, `a00001`, … (zero-padded, so id order is generation order), and one
 * paraphrased query per article.
 */
export function generate(nArticles: number, nQuestions: number, seed: number): GeneratedKb {
  const random = seededRandom(seed);
  const en = writer(new Vocabulary(englishWords(random), random, (word) => word.length >= 4), false, random);
  const zh = writer(new Vocabulary(chineseWords(), random, (word) => word.length >= 2), true, random);
  const width = String(Math.max(0, nArticles - 1)).length;
  const articles: EngineArticle[] = [];
  const queries: LabelledQuery[] = [];
  for (let i = 0; i < nArticles; i++) {
    const id = `a${String(i).padStart(Math.max(5, width), '0')}`;
    const isZh = i % 2 === 1;
    const generated = article(id, isZh, isZh ? zh : en, nQuestions, random);
    articles.push(generated.article);
    queries.push({ query: generated.query, expected: id });
  }
  return { articles, queries };
}

/** The generated articles as a knowledge package (what IT would ship: the app imports it as any other). */
export function asPackage(articles: readonly EngineArticle[], updatedAt = '2026-01-01T00:00:00Z'): KnowledgePackage {
  return {
    format: KNOWLEDGE_FORMAT,
    version: KNOWLEDGE_VERSION,
    articles: articles.map((a) => ({ ...a, questions: [...a.questions], body: a.body ?? '', tags: [...(a.tags ?? [])], lang: a.lang ?? 'en', updatedAt, deleted: false })),
    synonyms: [],
  };
}
