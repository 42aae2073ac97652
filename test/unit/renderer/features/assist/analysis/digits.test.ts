import { describe, expect, it } from 'vitest';
import { findDigitRuns, maskDigits } from '@renderer/features/assist/analysis/digits';
import { PhraseMatcher } from '@renderer/features/assist/analysis/phrase-match';

const triggers = new PhraseMatcher(['card number', '卡号']);
const digits = (text: string) => findDigitRuns(text, triggers).map((r) => r.digits);
const mask = (text: string) => maskDigits(text, { minDigits: 4, triggers, maskText: '[••••]' });

describe('findDigitRuns', () => {
  it('counts spoken English digits, doubles and triples, across fillers and commas', () => {
    expect(digits('four five three two')).toEqual([4]);
    expect(digits('four five, uh, six seven')).toEqual([4]);
    expect(digits('double five triple seven')).toEqual([5]);
    expect(digits('oh one two')).toEqual([3]);
    expect(digits('forty two')).toEqual([3]);
  });

  it('does not take "oh", homophones or amounts in words for digits', () => {
    expect(digits('oh I see')).toEqual([]);
    expect(digits('I went to the bank for a loan')).toEqual([]);
    expect(digits('two hundred and fifty dollars')).toEqual([1]);
  });

  it('counts numerals and Chinese digits, one character each', () => {
    expect(digits('4532 1234 5678 9012')).toEqual([16]);
    expect(digits('4532-1234')).toEqual([8]);
    expect(digits('六二二二 八四八八')).toEqual([8]);
    expect(digits('幺三九，一二三四')).toEqual([7]);
    expect(digits('〇两零')).toEqual([3]);
  });

  it('skips quantities: decimals, thousands separators, currency signs, units and years', () => {
    expect(digits('It cost 1500 dollars')).toEqual([]);
    expect(digits('I paid $2500 yesterday')).toEqual([]);
    expect(digits('1,500.00 was taken')).toEqual([]);
    expect(digits('扣了1500元')).toEqual([]);
    expect(digits('二〇二四年')).toEqual([]);
    expect(digits('in 2024年')).toEqual([]);
    expect(digits('一千五百块')).toEqual([1, 1]);
  });

  it('marks a run right after a trigger phrase, in English, Simplified and Traditional Chinese', () => {
    expect(findDigitRuns('my card number is four five', triggers)[0]?.afterTrigger).toBe(true);
    expect(findDigitRuns('我的卡號是六二', triggers)[0]?.afterTrigger).toBe(true);
    expect(findDigitRuns('four five', triggers)[0]?.afterTrigger).toBe(false);
  });
});

describe('maskDigits', () => {
  it('replaces every digit of a card-like run with one fixed mask, whatever its length', () => {
    expect(mask('it is 4532 1234 5678 9012 thanks')).toBe('it is [••••] thanks');
    expect(mask('four five three two one one')).toBe('[••••]');
    expect(mask('我的卡號是六二二二八四八八')).toBe('我的卡號是[••••]');
  });

  it('masks even one digit after a trigger phrase, and leaves short runs and quantities alone', () => {
    expect(mask('card number is four')).toBe('card number is [••••]');
    expect(mask('卡号是六二')).toBe('卡号是[••••]');
    expect(mask('I have two cards and paid 1500 dollars')).toBe('I have two cards and paid 1500 dollars');
  });
});
