import { describe, expect, it } from 'vitest';
import { excerptWindow, markdownToPlain } from '@common/knowledge/engine/plain-text';
import { bodyExcerpt } from '@common/knowledge/engine/snippet';
import { analyze } from '@common/knowledge/engine/tokenize';

const lostCard = [
  '**Key answer:** Verify identity, then report the card lost immediately; the block takes effect at once and all later transactions are refused.',
  '',
  '**Script:**',
  '> I have blocked your card. A replacement will reach you in 5 working days.',
  '',
  '1. Verify the customer\'s identity',
  '2. Block the card in [the card system](https://cards.example/block)',
].join('\n');

describe('markdownToPlain', () => {
  it('drops the markup and keeps the words, one line per source line', () => {
    expect(markdownToPlain(lostCard)).toBe(
      [
        'Key answer: Verify identity, then report the card lost immediately; the block takes effect at once and all later transactions are refused.',
        'Script:',
        'I have blocked your card. A replacement will reach you in 5 working days.',
        "Verify the customer's identity",
        'Block the card in the card system',
      ].join('\n'),
    );
  });
  it('keeps snake_case words and lone asterisks in prose', () => {
    expect(markdownToPlain('Set card_status to *frozen* (5 * 3 = 15)')).toBe('Set card_status to frozen (5 * 3 = 15)');
  });
});

describe('excerptWindow', () => {
  it('starts at the sentence holding the match and never ends mid-word', () => {
    const text = 'First sentence here. The card was lost at the station yesterday and the customer wants it blocked right now please';
    const [from, to] = excerptWindow(text, text.indexOf('lost'), 60);
    expect(text.slice(from, to)).toMatch(/^The card was lost/);
    expect(text[to] === undefined || text[to] === ' ').toBe(true);
  });
  it('cuts Chinese between any two characters', () => {
    const text = '信用卡丢失后请立即致电挂失，挂失后卡片立即冻结，所有后续交易都会被拒绝。补卡需要五个工作日。';
    const [from, to] = excerptWindow(text, text.indexOf('挂失'), 20);
    expect(text.slice(from, to)).toContain('挂失');
    expect(to - from).toBeLessThanOrEqual(20);
  });
});

describe('bodyExcerpt', () => {
  it('shows no Markdown, cuts with an ellipsis at word boundaries, and its highlights still land on the words', () => {
    const excerpt = bodyExcerpt(lostCard, new Set(analyze('lost', { latinBigrams: false }).map((t) => t.term)), false);
    expect(excerpt?.text).not.toMatch(/\*\*|>|\]\(/);
    expect(excerpt?.text).toMatch(/^Key answer: Verify identity/);
    expect(excerpt?.text).toMatch(/…$/);
    const [s, e] = excerpt?.ranges[0] ?? [0, 0];
    expect(excerpt?.text.slice(s, e)).toBe('lost');
  });
});
