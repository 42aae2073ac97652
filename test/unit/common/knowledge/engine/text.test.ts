import { describe, expect, it } from 'vitest';
import { fold, foldWithOrigin } from '@common/knowledge/engine/fold';
import { porterStem } from '@common/knowledge/engine/stem';
import { analyze, terms } from '@common/knowledge/engine/tokenize';

describe('fold', () => {
  it('folds Traditional to Simplified, full-width to half-width and case', () => {
    expect(fold('信用卡掛失')).toBe('信用卡挂失');
    expect(fold('帳戶餘額')).toBe('账户余额');
    expect(fold('ＡＴＭ吞卡１２３')).toBe('atm吞卡123');
    expect(fold('Lost CARD')).toBe('lost card');
  });

  it('maps every folded code unit back to the original offset, also across expansions', () => {
    const { text, origin } = foldWithOrigin('a㎏b');
    expect(text).toBe('akgb');
    expect(origin).toEqual([0, 1, 1, 2]);
  });
});

describe('porterStem', () => {
  it.each([
    ['refunds', 'refund'],
    ['refunded', 'refund'],
    ['charging', 'charg'],
    ['charges', 'charg'],
    ['relational', 'relat'],
    ['hopping', 'hop'],
    ['ponies', 'poni'],
    ['atm', 'atm'],
  ])('%s → %s', (word, stem) => expect(porterStem(word)).toBe(stem));
});

describe('analyze', () => {
  it('stems English and drops stop words but keeps negations and question words', () => {
    expect(terms("Why hasn't my card arrived?")).toEqual(['why', 'not', 'card', 'arriv']);
    expect(terms('why hasnt my card arrived')).toEqual(['why', 'not', 'card', 'arriv']);
  });

  it('adds English word pairs only when asked', () => {
    expect(terms('top up limits', { latinBigrams: true })).toEqual(['top', 'top up', 'up', 'up limit', 'limit']);
  });

  it('keeps stop words when asked (a query made only of them)', () => {
    expect(terms('can I')).toEqual([]);
    expect(terms('can I', { keepStopWords: true })).toEqual(['can', 'i']);
  });

  it('splits Chinese into characters, bigrams and dictionary words, after folding', () => {
    const t = terms('信用卡掛失');
    expect(t).toEqual(expect.arrayContaining(['信', '信用', '用卡', '卡挂', '挂失', '信用卡']));
    expect(t).not.toContain('掛失');
  });

  it('separates Latin and Han runs and reports offsets into the original text', () => {
    const tokens = analyze('ＡＴＭ吞卡');
    expect(tokens.find((t) => t.term === 'atm')).toMatchObject({ start: 0, end: 3 });
    expect(tokens.find((t) => t.term === '吞卡')).toMatchObject({ start: 3, end: 5 });
  });
});
