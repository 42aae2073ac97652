/**
 * A partial index: answers queries from byte ranges of a stored index (stored.ts) while the whole index is
 * still being read. A 10,000-article index is over 100 MB and takes seconds to read and decode; a query
 * needs a few kilobytes of it: the vocabulary's hash slots and characters of its terms, their postings, and
 * the few articles it shows. open() reads the header and the per-question arrays (a few MB); each search
 * looks its terms up in the stored hash table, fetches their postings into a small index of just those
 * terms, and ranks it with the engine's own code, so the hits are the whole index's hits. One difference:
 * typo correction needs the whole vocabulary, so a misspelt word matches nothing until the index is read.
 * Indexes with the learned models (small knowledge bases, read whole in a moment) are not served partially.
 */
import { INDEX_VERSION, type IndexData } from './build';
import type { Postings } from './derive';
import { hash, packTerms } from './dictionary';
import { KnowledgeEngine } from './engine';
import { TypoIndex } from './fuzzy';
import { SearchModel } from './model';
import { parseQuery } from './query';
import { QUESTION_POSTINGS_CAP } from './rank';
import { parseStoredHeader, storedHeaderLength, typedRef, viewOf, type StoredArticles, type TypedRef } from './stored';
import { analyze } from './tokenize';
import { isRecord, KINDS } from './typed';
import type { EngineArticle, EngineConfig, SearchHit, SearchOptions } from './types';

/** Reads bytes [from, to) of the stored index. */
export type ReadRange = (from: number, to: number) => Promise<ArrayBuffer>;

/** Hash slots read per probe: a lookup in a table at most ~60 % full ends within a few slots. */
const SLOT_WINDOW = 8;
const LISTS = ['article', 'question', 'centroid'] as const;
type ListName = (typeof LISTS)[number];
type ListRefs = Record<'start' | 'row' | 'value', TypedRef>;
const NO_TYPOS = new TypoIndex({ size: 0, at: () => '' });

interface Refs {
  text: TypedRef;
  start: TypedRef;
  slots: TypedRef;
  articleIdf: TypedRef;
  questionIdf: TypedRef;
  lists: Record<ListName, ListRefs>;
  articleJson: TypedRef;
  articleOffsets: TypedRef;
}

/** Answers queries from ranges of a stored index; see the file comment. */
export class PartialIndex {
  private constructor(
    private readonly read: ReadRange,
    private readonly dataStart: number,
    private readonly refs: Refs,
    private readonly base: Omit<IndexData, 'terms' | 'synonyms' | 'article' | 'question' | 'centroid' | 'articleIdf' | 'questionIdf'>,
    private readonly synonyms: number[][][],
    private readonly synonymTerms: Map<number, string>,
  ) {}

  /**
   * Reads what every query needs.
   * @returns undefined for an index this class does not serve partially (learned models, another version)
   * @throws Error when the bytes are not a stored index or its parts lie outside `size`
   */
  static async open(read: ReadRange, size: number): Promise<PartialIndex | undefined> {
    const headerLength = storedHeaderLength(await read(0, 8));
    const { dataStart, fields } = parseStoredHeader(await read(8, 8 + headerLength));
    if (fields.format !== 'lingxi-knowledge-index' || fields.version !== INDEX_VERSION || fields.classifier !== undefined) return undefined;
    const ref = (value: unknown, path: string): TypedRef => typedRef(value, path, size, dataStart);
    const at = (path: string): unknown => path.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), fields);
    const list = (name: ListName): ListRefs => ({
      start: ref(at(`${name}.start`), `index.${name}.start`),
      row: ref(at(`${name}.row`), `index.${name}.row`),
      value: ref(at(`${name}.value`), `index.${name}.value`),
    });
    const articles = fields.articles as StoredArticles;
    const refs: Refs = {
      text: ref(at('terms.text'), 'index.terms.text'),
      start: ref(at('terms.start'), 'index.terms.start'),
      slots: ref(at('terms.slots'), 'index.terms.slots'),
      articleIdf: ref(fields.articleIdf, 'index.articleIdf'),
      questionIdf: ref(fields.questionIdf, 'index.questionIdf'),
      lists: { article: list('article'), question: list('question'), centroid: list('centroid') },
      articleJson: ref(articles.json, 'index.articles.json'),
      articleOffsets: ref(articles.offsets, 'index.articles.offsets'),
    };
    const whole = async (name: string): Promise<ArrayLike<number>> => {
      const r = ref(fields[name], `index.${name}`);
      return readTyped(read, dataStart, r, 0, r.length);
    };
    const [questionNorm, questionArticle, questionPos] = await Promise.all([whole('questionNorm'), whole('questionArticle'), whole('questionPos')]);
    const stubs: EngineArticle[] = articles.lang.map((lang, i) => ({ id: '', title: '', questions: [], lang, product: articles.product[i] ?? undefined }));
    const synonyms = (fields.synonyms ?? []) as number[][][];
    const index = new PartialIndex(
      read,
      dataStart,
      refs,
      {
        format: 'lingxi-knowledge-index',
        version: INDEX_VERSION,
        config: fields.config as EngineConfig,
        articles: stubs,
        questionNorm: questionNorm as Float32Array,
        questionArticle: questionArticle as Uint32Array,
        questionPos: questionPos as Int32Array,
      },
      synonyms,
      new Map(),
    );
    const texts = (fields.synonymTerms ?? []) as string[][][];
    synonyms.forEach((group, g) => group.forEach((member, m) => member.forEach((id, k) => index.synonymTerms.set(id, texts[g]?.[m]?.[k] ?? ''))));
    return index;
  }

  /** The number of articles. */
  get size(): number {
    return this.base.articles.length;
  }

  /** Ranked hits, as the whole index gives them (but for typo correction). */
  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const { config } = this.base;
    const words = new Set([...analyze(query, { latinBigrams: config.latinBigrams }), ...analyze(query, { keepStopWords: true })].map((t) => t.term));
    const found = await this.lookup([...words]);
    // The small index: the query's known terms plus every synonym member's, with postings for the terms the query uses.
    const vocab: string[] = [];
    const fullIds: number[] = [];
    const mini = new Map<number, number>();
    const add = (fullId: number, term: string): void => {
      if (mini.has(fullId)) return;
      mini.set(fullId, vocab.length);
      vocab.push(term);
      fullIds.push(fullId);
    };
    for (const [term, id] of found) add(id, term);
    for (const [id, term] of this.synonymTerms) add(id, term);
    const synonyms = this.synonyms.map((group) => group.map((member) => member.map((id) => mini.get(id) as number)));
    const empty = this.emptyPostings(vocab.length);
    const shape = { ...this.base, terms: packTerms(vocab), synonyms, article: empty, question: empty, centroid: empty, articleIdf: new Float32Array(vocab.length), questionIdf: new Float32Array(vocab.length) };
    const used = parseQuery(new SearchModel(shape), query, () => NO_TYPOS).terms.map((t) => t.id);
    const engine = KnowledgeEngine.load({ ...shape, ...(await this.postings(used, fullIds, vocab.length)) });
    const ranked = engine.rank(query, options);
    if (!ranked) return [];
    return engine.hits(ranked, await Promise.all(ranked.order.map((i) => this.article(i))));
  }

  /** Full ids of the terms the index knows. */
  private async lookup(terms: readonly string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    const { slots } = this.refs;
    const mask = slots.length - 1;
    await Promise.all(
      terms.map(async (term) => {
        for (let slot = hash(term) & mask; ; ) {
          const count = Math.min(SLOT_WINDOW, slots.length - slot);
          for (const entry of await this.typed(slots, slot, slot + count)) {
            if (entry === 0) return;
            if (await this.termIs(entry - 1, term)) return void found.set(term, entry - 1);
          }
          slot = (slot + count) & mask;
        }
      }),
    );
    return found;
  }

  private async termIs(id: number, term: string): Promise<boolean> {
    const [from, to] = (await this.typed(this.refs.start, id, id + 2)) as unknown as [number, number];
    if (to - from !== term.length) return false;
    return String.fromCharCode(...(await this.typed(this.refs.text, from, to))) === term;
  }

  /** Postings and idfs of the used terms (mini ids), empty for the others. */
  private async postings(used: readonly number[], fullIds: readonly number[], terms: number): Promise<Pick<IndexData, ListName | 'articleIdf' | 'questionIdf'>> {
    const articleIdf = new Float32Array(terms);
    const questionIdf = new Float32Array(terms);
    const wanted = [...new Set(used)].sort((a, b) => a - b);
    const fetched = await Promise.all(
      wanted.map(async (m) => {
        const id = fullIds[m] as number;
        const [a, q, lists] = await Promise.all([
          this.typed(this.refs.articleIdf, id, id + 1),
          this.typed(this.refs.questionIdf, id, id + 1),
          Promise.all(LISTS.map((name) => this.postingsOf(name, id))),
        ]);
        articleIdf[m] = a[0] as number;
        questionIdf[m] = q[0] as number;
        return lists;
      }),
    );
    const out = { articleIdf, questionIdf } as Pick<IndexData, ListName | 'articleIdf' | 'questionIdf'>;
    LISTS.forEach((name, l) => {
      const refs = this.refs.lists[name];
      const start = new Uint32Array(terms + 1);
      const total = fetched.reduce((n, lists) => n + (lists[l] as { row: ArrayLike<number> }).row.length, 0);
      const row = new KINDS[refs.row.$typed as 'Uint16Array' | 'Uint32Array'](total);
      const value = new Float32Array(total);
      let at = 0;
      let next = 0;
      for (let m = 0; m < terms; m++) {
        start[m] = at;
        if (wanted[next] !== m) continue;
        const part = (fetched[next++] as { row: ArrayLike<number>; value: ArrayLike<number> }[])[l] as { row: ArrayLike<number>; value: ArrayLike<number> };
        row.set(part.row, at);
        value.set(part.value, at);
        at += part.row.length;
      }
      start[terms] = at;
      out[name] = { start, row, value } as Postings;
    });
    return out;
  }

  private async postingsOf(name: ListName, id: number): Promise<{ row: ArrayLike<number>; value: ArrayLike<number> }> {
    const refs = this.refs.lists[name];
    const [from, to] = (await this.typed(refs.start, id, id + 2)) as unknown as [number, number];
    // The ranker skips a question list this long (rank.ts): no need to read it.
    if (to === from || (name === 'question' && to - from > QUESTION_POSTINGS_CAP)) return { row: [], value: [] };
    const [row, value] = await Promise.all([this.typed(refs.row, from, to), this.typed(refs.value, from, to)]);
    return { row, value };
  }

  private async article(index: number): Promise<EngineArticle> {
    const [from, to] = (await this.typed(this.refs.articleOffsets, index, index + 2)) as unknown as [number, number];
    const { at } = this.refs.articleJson;
    const bytes = await this.read(this.dataStart + at + from, this.dataStart + at + to - 1);
    return JSON.parse(new TextDecoder().decode(bytes)) as EngineArticle;
  }

  private emptyPostings(terms: number): Postings {
    return { start: new Uint32Array(terms + 1), row: new Uint32Array(0), value: new Float32Array(0) };
  }

  private typed(ref: TypedRef, from: number, to: number): Promise<ArrayLike<number> & Iterable<number>> {
    return readTyped(this.read, this.dataStart, ref, from, to);
  }
}

/** Elements [from, to) of a stored typed array. */
async function readTyped(read: ReadRange, dataStart: number, ref: TypedRef, from: number, to: number): Promise<ArrayLike<number> & Iterable<number>> {
  const width = KINDS[ref.$typed].BYTES_PER_ELEMENT;
  const begin = dataStart + ref.at + from * width;
  const buffer = await read(begin, begin + (to - from) * width);
  return viewOf({ ...ref, at: 0, length: to - from }, buffer, 0) as unknown as ArrayLike<number> & Iterable<number>;
}
