import { describe, expect, it } from 'vitest';
import { packTerms, TermDictionary } from '@common/knowledge/engine/dictionary';

describe('packed term dictionary', () => {
  const terms = ['card', '挂失', 'lost card', 'a', 'cards', '卡', 'zebra', 'card fee', ''];
  const { packed, idOf } = packTerms(terms);
  const dictionary = new TermDictionary(packed);

  it('gives every term back under its new id, and finds it by binary search', () => {
    expect(dictionary.size).toBe(terms.length);
    terms.forEach((term, i) => {
      expect(dictionary.at(idOf[i] as number)).toBe(term);
      expect(dictionary.id(term)).toBe(idOf[i]);
    });
  });

  it('numbers terms in sorted order and knows nothing else', () => {
    const all = Array.from({ length: dictionary.size }, (_, id) => dictionary.at(id));
    expect(all).toEqual([...terms].sort());
    for (const unknown of ['car', 'cardz', 'b', '挂', '挂失卡', 'zzz', 'A']) expect(dictionary.id(unknown), unknown).toBeUndefined();
  });

  it('is one string and one typed array, as IndexedDB stores it', () => {
    expect(typeof packed.text).toBe('string');
    expect(packed.start).toBeInstanceOf(Uint32Array);
    expect(structuredClone(packed)).toEqual(packed);
  });
});
