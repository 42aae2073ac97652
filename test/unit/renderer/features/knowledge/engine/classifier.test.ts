import { describe, expect, it } from 'vitest';
import { classify, classifierFeatures, trainClassifier } from '../../../../../../renderer/features/knowledge/engine/classifier';
import { decodeIndex, encodeIndex, KnowledgeEngine } from '../../../../../../renderer/features/knowledge/engine';

const EXAMPLES: [string, number][] = [
  ['my card has not arrived yet', 0],
  ['when will my new card be delivered', 0],
  ['I was charged twice for one payment', 1],
  ['a payment was taken two times', 1],
  ['how do I top up with a bank transfer', 2],
  ['topping up by transfer', 2],
];

const ids = (features: string[]) => new Map(features.map((f, i) => [f, i]));

describe('softmax classifier', () => {
  it('uses stemmed terms and character n-grams of Latin words, L2-normalised', () => {
    const f = classifierFeatures('Delivered', true);
    expect(f.has('deliv')).toBe(true);
    expect(f.has('~#del')).toBe(true);
    expect([...f.values()].reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 5);
  });

  it('trains deterministically and classifies a rephrasing, a misspelling included', () => {
    const model = trainClassifier(EXAMPLES, 3, true);
    const again = trainClassifier(EXAMPLES, 3, true);
    expect(model).toBeDefined();
    expect(Array.from(again?.weights.value ?? [])).toEqual(Array.from(model?.weights.value ?? []));
    if (!model) return;
    const p = new Float64Array(3);
    classify(model, ids(model.features), 'still waiting for the card to be delivred', true, p);
    expect(p.indexOf(Math.max(...p))).toBe(0);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    classify(model, ids(model.features), 'charged two times', true, p);
    expect(p.indexOf(Math.max(...p))).toBe(1);
  });

  it('is skipped for one article or a knowledge base too large to train quickly', () => {
    expect(trainClassifier([['only one', 0]], 1, true)).toBeUndefined();
    expect(trainClassifier(EXAMPLES, 5_000_000, true)).toBeUndefined();
  });

  it('persists with the index: encode → decode keeps every typed array kind', () => {
    const engine = KnowledgeEngine.build([
      { id: 'arrival', title: 'Card arrival', questions: ['my card has not arrived yet'] },
      { id: 'twice', title: 'Charged twice', questions: ['a payment was taken two times'] },
    ]);
    const decoded = decodeIndex(encodeIndex(engine.data));
    expect(decoded.questionPos).toBeInstanceOf(Int32Array);
    expect(Array.from(decoded.questionPos)).toEqual([-1, 0, -1, 0]);
    expect(decoded.classifier?.bias).toBeInstanceOf(Float32Array);
    expect(KnowledgeEngine.load(decoded).search('card not arived')[0]?.id).toBe('arrival');
  });

  it('rejects a damaged typed array with the field named', () => {
    const json = encodeIndex(KnowledgeEngine.build([{ id: 'a', title: 'A title', questions: [] }]).data);
    expect(() => decodeIndex(json.replace('"$typed":"Float32Array"', '"$typed":"Float99"'))).toThrow(/index\.\w+.* not a typed array/);
  });
});
