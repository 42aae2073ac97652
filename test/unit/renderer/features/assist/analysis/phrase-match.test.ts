import { describe, expect, it } from 'vitest';
import { PhraseMatcher, isNegated } from '@renderer/features/assist/analysis/phrase-match';
import { foldText, originalSpan } from '@renderer/features/assist/analysis/text';

function found(phrases: string[], text: string): string[] {
  const folded = foldText(text);
  return [...new PhraseMatcher(phrases).occurrences(folded.text)].map((o) => {
    const span = originalSpan(folded, text, o.start, o.end);
    return text.slice(span.start, span.end);
  });
}

describe('PhraseMatcher', () => {
  it('matches English on word boundaries with plural, -ed and -ing forms', () => {
    expect(found(['complain'], 'I complained, I am complaining, she complains')).toEqual(['complained', 'complaining', 'complains']);
    expect(found(['sue'], 'we will sue, they sued, suing now, an issue')).toEqual(['sue', 'sued', 'suing']);
    expect(found(['lawyer'], 'my lawyers and lawyer-ish friends')).toEqual(['lawyers', 'lawyer']);
    expect(found(['media'], 'multimedia is fine')).toEqual([]);
  });

  it('ignores case, width and optional apostrophes', () => {
    expect(found(["that's not my problem"], 'THATS NOT MY PROBLEM')).toEqual(['THATS NOT MY PROBLEM']);
    expect(found(['complaint'], 'ＣＯＭＰＬＡＩＮＴ')).toEqual(['ＣＯＭＰＬＡＩＮＴ']);
    expect(found(["don't"], 'I don’t know')).toEqual(['don’t']);
  });

  it('matches Chinese as substrings, Traditional through the knowledge engine’s folding, across ASR spaces', () => {
    expect(found(['投诉'], '我要投訴你們')).toEqual(['投訴']);
    expect(found(['银保监'], '我去 銀 保 監 反映')).toEqual(['銀 保 監']);
    expect(found(['曝光'], '我要曝光你们')).toEqual(['曝光']);
  });

  it('matches numbers only whole, so a hotline number is not found inside a card number', () => {
    expect(found(['12378'], 'call 12378 now')).toEqual(['12378']);
    expect(found(['12378'], '6222123784')).toEqual([]);
    expect(found(['12378'], '打12378投诉')).toEqual(['12378']);
  });

  it('prefers the longest phrase at a position and maps spans back to the original text', () => {
    const folded = foldText('它不歸我管');
    const [hit] = [...new PhraseMatcher(['我管', '不归我管']).occurrences(folded.text)];
    expect(hit?.phrase).toBe(1);
    expect(originalSpan(folded, '它不歸我管', hit?.start ?? 0, hit?.end ?? 0)).toEqual({ start: 1, end: 5 });
  });
});

describe('isNegated', () => {
  const negated = (text: string, phrase: string) => {
    const folded = foldText(text).text;
    return isNegated(folded, folded.indexOf(phrase));
  };

  it('sees English negations up to three words back, stopping at a clause boundary', () => {
    expect(negated('this is not a complaint', 'complaint')).toBe(true);
    expect(negated("i don't want to complain", 'complain')).toBe(true);
    expect(negated('i have no complaints', 'complaints')).toBe(true);
    expect(negated("i'm not happy, i will complain", 'complain')).toBe(false);
    expect(negated("i'm not happy and i will complain", 'complain')).toBe(false);
    expect(negated('i want to complain', 'complain')).toBe(false);
  });

  it('sees Chinese negations up to four characters back, but not 不然, 不满 or 要不', () => {
    expect(negated('我不是要投诉', '投诉')).toBe(true);
    expect(negated('我没有投诉', '投诉')).toBe(true);
    expect(negated('不然我就投诉', '投诉')).toBe(false);
    expect(negated('我很不满我要投诉', '投诉')).toBe(false);
    expect(negated('不是这个问题，我要投诉', '投诉')).toBe(false);
  });
});
