import { describe, expect, it } from 'vitest';
import { classify, classifierFeatures, DEFAULT_SCALE, trainClassifier, type ClassifierData } from '@common/knowledge/engine/classifier';
import { decodeIndex, encodeIndex, KnowledgeEngine } from '@common/knowledge/engine';

const ARTICLES = [
  { title: 'Card arrival', questions: ['my card has not arrived yet', 'when will my new card be delivered'] },
  { title: 'Transaction charged twice', questions: ['I was charged twice for one payment', 'a payment was taken two times'] },
  { title: 'Top up by transfer', questions: ['how do I top up with a bank transfer', 'topping up by transfer'] },
];

// Three fee articles share the title word "fee"; only the card one was asked with "commission".
const FEES = [
  { title: 'Card payment fee charged', questions: ['why is there a commission on my card payment', 'the shop payment had an extra fee'] },
  { title: 'Transfer fee charged', questions: ['I sent money and paid a fee', 'why was my transfer charged'] },
  { title: 'Cash withdrawal fee charged', questions: ['the ATM took a fee', 'withdrawing cash cost me a fee'] },
  { title: 'Transfer not received', questions: ['my friend did not get the money I sent', 'the recipient has not received my transfer'] },
  { title: 'Card arrival', questions: ['my card has not arrived yet', 'when will my new card be delivered'] },
];

const ids = (model: ClassifierData) => new Map(model.features.map((f, i) => [f, i]));
const best = (scores: Float64Array) => scores.indexOf(Math.max(...scores));

describe('learned models', () => {
  it('uses stemmed terms and character n-grams of Latin words, L2-normalised', () => {
    const f = classifierFeatures('Delivered', true);
    expect(f.has('deliv')).toBe(true);
    expect(f.has('~#del')).toBe(true);
    expect([...f.values()].reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
  });

  it('trains deterministically and classifies a rephrasing, a misspelling included', () => {
    const model = trainClassifier(ARTICLES, true);
    const again = trainClassifier(ARTICLES, true);
    expect(model).toBeDefined();
    if (!model) return;
    expect(Array.from(again?.softmax.weights.value ?? [])).toEqual(Array.from(model.softmax.weights.value));
    const p = new Float64Array(3);
    classify(model, ids(model), 'still waiting for the card to be delivred', true, p);
    expect(best(p)).toBe(0);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    classify(model, ids(model), 'charged two times', true, p);
    expect(best(p)).toBe(1);
  });

  it('learns title words across articles: a fee asked in new words finds the transfer fee', () => {
    const model = trainClassifier(FEES, true);
    expect(model?.facets).toBeDefined();
    if (!model) return;
    const classes = new Float64Array(FEES.length);
    const facets = new Float64Array(FEES.length);
    // "commission" was only ever asked about card payments; "transfer" names two articles.
    expect(classify(model, ids(model), 'a commission on my transfer', true, classes, facets)).toBe(true);
    expect(best(facets)).toBe(1);
    expect(Math.max(...facets)).toBe(1);
    expect(facets[1]).toBeGreaterThan(facets[3] as number);
    expect(facets[1]).toBeGreaterThan(facets[0] as number);
  });

  it('is skipped for one article; the dense path skips a large KB, the default trains it on the sampled path', () => {
    expect(trainClassifier([{ title: 'only one', questions: [] }], true)).toBeUndefined();
    const many = Array.from({ length: 1500 }, (_, i) => ({ title: `article ${i}`, questions: Array.from({ length: 4 }, (_, k) => `question ${k} of ${i}`) }));
    expect(trainClassifier(many, true, { ...DEFAULT_SCALE, mode: 'dense' })).toBeUndefined();
    const model = trainClassifier(many, true);
    expect(model).toBeDefined();
    if (!model) return;
    const p = new Float64Array(many.length);
    classify(model, ids(model), 'question 2 of 777', true, p);
    expect(best(p)).toBe(777);
  }, 120_000);

  it('is skipped, before any feature is computed, when even the sampled path cannot fit its budget', () => {
    const questions = Array.from({ length: 20 }, (_, k) => `question ${k}`);
    const huge = Array.from({ length: 10_000 }, (_, i) => ({ title: `article ${i}`, questions }));
    const started = performance.now();
    expect(trainClassifier(huge, true)).toBeUndefined();
    // The feature pass alone over 210,000 examples takes seconds; the quick bound answers at once.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('trains a small KB densely by default (auto)', () => {
    const auto = trainClassifier(FEES, true);
    const dense = trainClassifier(FEES, true, { ...DEFAULT_SCALE, mode: 'dense' });
    expect(auto?.softmax.weights.value).toEqual(dense?.softmax.weights.value);
    expect(auto?.softmax.weights.value.length).toBeGreaterThan(0);
  });

  it('ranks the small KBs on the sampled path as the dense path does', () => {
    for (const articles of [ARTICLES, FEES]) {
      const sampled = trainClassifier(articles, true, { ...DEFAULT_SCALE, mode: 'sampled' });
      const dense = trainClassifier(articles, true, { ...DEFAULT_SCALE, mode: 'dense' });
      if (!sampled || !dense) throw new Error('not trained');
      for (const query of ['still waiting for the card to be delivred', 'charged two times', 'a commission on my transfer']) {
        const [a, b] = [new Float64Array(articles.length), new Float64Array(articles.length)];
        classify(sampled, ids(sampled), query, true, a);
        classify(dense, ids(dense), query, true, b);
        expect(best(a), query).toBe(best(b));
      }
    }
  });

  it('persists with the index: encode → decode keeps every typed array kind', () => {
    const engine = KnowledgeEngine.build([
      { id: 'arrival', title: 'Card arrival', questions: ['my card has not arrived yet'] },
      { id: 'twice', title: 'Charged twice', questions: ['a payment was taken two times'] },
    ]);
    const decoded = decodeIndex(encodeIndex(engine.data));
    expect(decoded.questionPos).toBeInstanceOf(Int32Array);
    expect(Array.from(decoded.questionPos)).toEqual([-1, 0, -1, 0]);
    expect(decoded.classifier?.softmax.bias).toBeInstanceOf(Float32Array);
    expect(decoded.classifier?.facets?.ids).toBeInstanceOf(Uint32Array);
    expect(KnowledgeEngine.load(decoded).search('card not arived')[0]?.id).toBe('arrival');
  });

  it('rejects a damaged typed array with the field named', () => {
    const json = encodeIndex(KnowledgeEngine.build([{ id: 'a', title: 'A title', questions: [] }]).data);
    expect(() => decodeIndex(json.replace('"$typed":"Float32Array"', '"$typed":"Float99"'))).toThrow(/index\.\w+.* not a typed array/);
  });
});
