import { describe, expect, it } from 'vitest';
import { packTerms, TermDictionary } from '@common/knowledge/engine/dictionary';

describe('packed term dictionary', () => {
  const terms = ['card', '挂失', 'lost card', 'a', 'cards', '卡', 'zebra', 'card fee', ''];
  const packed = packTerms(terms);
  const dictionary = new TermDictionary(packed);

  it('gives every term back under its id, and finds it by its hash', () => {
    expect(dictionary.size).toBe(terms.length);
    terms.forEach((term, id) => {
      expect(dictionary.at(id)).toBe(term);
      expect(dictionary.id(term)).toBe(id);
    });
  });

  it('knows nothing else', () => {
    for (const unknown of ['car', 'cardz', 'b', '挂', '挂失卡', 'zzz', 'A', 'card ']) expect(dictionary.id(unknown), unknown).toBeUndefined();
  });

  it('holds thousands of terms with colliding probes', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `t${i.toString(36)}`);
    const big = new TermDictionary(packTerms(many));
    many.forEach((term, id) => expect(big.id(term)).toBe(id));
    expect(big.id('t-1')).toBeUndefined();
  });

  it('is one string and two typed arrays, as IndexedDB stores it', () => {
    expect(typeof packed.text).toBe('string');
    expect(packed.start).toBeInstanceOf(Uint32Array);
    expect(packed.slots).toBeInstanceOf(Uint32Array);
    expect(structuredClone(packed)).toEqual(packed);
  });
});
