import { describe, expect, it } from 'vitest';
import { packTerms, TermDictionary } from '@common/knowledge/engine/dictionary';
import { TypoIndex, withinOneEdit } from '@common/knowledge/engine/fuzzy';

describe('withinOneEdit', () => {
  it.each([
    ['refund', 'refund', true],
    ['refund', 'refnd', true], // deletion
    ['refund', 'reffund', true], // insertion
    ['refund', 'refuld', true], // substitution
    ['refund', 'rfeund', true], // adjacent swap
    ['refund', 'rfnud', false],
    ['refund', 'return', false],
  ])('%s ~ %s: %s', (a, b, expected) => expect(withinOneEdit(a, b)).toBe(expected));
});

describe('TypoIndex', () => {
  const vocabulary = new TermDictionary(packTerms(['transfer', 'card', 'cart', 'statement', '转账']));
  const index = new TypoIndex(vocabulary);
  const lookup = (term: string) => index.lookup(term).map((id) => vocabulary.at(id));

  it('finds terms one edit away', () => {
    expect(lookup('transfre')).toEqual(['transfer']);
    expect(lookup('statment')).toEqual(['statement']);
  });

  it('leaves short and non-Latin terms alone', () => {
    expect(lookup('carx')).toEqual([]);
    expect(lookup('转帐')).toEqual([]);
  });
});
