import { describe, expect, it } from 'vitest';
import { KnowledgeEngine } from '@common/knowledge/engine';
import { splitWord, stemWord } from '@common/knowledge/engine/lexicon';
import { analyze, terms } from '@common/knowledge/engine/tokenize';

describe('English bank-support lexicon', () => {
  it('joins British and American spellings and derivations Porter leaves apart', () => {
    expect(stemWord('recognised')).toBe(stemWord('recognized'));
    expect(stemWord('verification')).toBe(stemWord('verify'));
    expect(stemWord('expiry')).toBe(stemWord('expired'));
    expect(stemWord('ID')).not.toBe(stemWord('identity')); // words arrive folded to lower case
    expect(stemWord('id')).toBe(stemWord('identity'));
  });

  it('maps irregular verbs and bank-support synonyms onto one term', () => {
    expect(stemWord('paid')).toBe(stemWord('pay'));
    expect(stemWord('withdrew')).toBe(stemWord('withdrawal'));
    expect(stemWord('refused')).toBe(stemWord('declined'));
    expect(stemWord('funds')).toBe(stemWord('money'));
    expect(stemWord('reimbursed')).toBe(stemWord('refund'));
  });

  it('leaves other words to the Porter stemmer', () => {
    expect(stemWord('refunds')).toBe('refund');
    expect(stemWord('charging')).toBe('charg');
    expect(stemWord('double')).toBe('doubl'); // "double-check" is not "twice"
  });

  it('splits words that stand for two', () => {
    expect(splitWord('topup')).toEqual(['top', 'up']);
    expect(splitWord('card')).toEqual(['card']);
    expect(terms('unrecognised topup', { latinBigrams: true })).toEqual(['not', 'not recogn', 'recogn', 'recogn top', 'top', 'top up', 'up']);
  });

  it('keeps highlight offsets on the original word when it expands', () => {
    const text = 'my topup failed';
    const spans = analyze(text).map((t) => text.slice(t.start, t.end));
    expect(spans).toEqual(['topup', 'topup', 'failed']);
  });

  it('lets a customer’s word find the author’s: "refused" finds the declined-payment article', () => {
    const engine = KnowledgeEngine.build([
      { id: 'declined', title: 'Declined card payment', questions: ['why was my card declined in the shop'] },
      { id: 'arrival', title: 'Card arrival', questions: ['my card has not arrived'] },
    ]);
    const [hit] = engine.search('the shop refused my card');
    expect(hit?.id).toBe('declined');
    expect(hit?.match.ranges.map(([s, e]) => hit.match.text.slice(s, e))).toContain('declined');
  });
});
