import { describe, expect, it } from 'vitest';
import { PAUSE_LEAD_MS, PciGuard } from '@renderer/features/assist/analysis/pci-guard';
import { defaultPolicy, final, partial } from './fixtures';

const NONE = { pause: false, resume: false };
const PAUSE = { pause: true, resume: false };
/** A pause back-dated to PAUSE_LEAD_MS before the utterance that started at `startMs`. */
const pauseFrom = (startMs: number) => ({ ...PAUSE, fromMs: Math.max(0, startMs - PAUSE_LEAD_MS) });
const RESUME = { pause: false, resume: true };
const guard = (overrides: unknown = {}) => new PciGuard(defaultPolicy({ pci: overrides }).pci);

describe('PciGuard', () => {
  it('pauses on the first partial that reaches three spoken digits (a security code), back-dated to the utterance', () => {
    const g = guard();
    expect(g.feed(partial('customer', 'it is four', 1000, 1500))).toEqual(NONE);
    expect(g.feed(partial('customer', 'it is four five', 1000, 1800))).toEqual(NONE);
    expect(g.feed(partial('customer', 'it is four five three', 1000, 2100))).toEqual(pauseFrom(1000));
    expect(g.paused).toBe(true);
    expect(g.pausedSinceMs).toBe(1000 - PAUSE_LEAD_MS);
    expect(g.feed(partial('customer', 'it is four five three two', 1000, 2500))).toEqual(NONE);
  });

  it('back-dates to the start of the utterance, never before the call', () => {
    expect(guard().feed(partial('customer', 'the code is 739', 12_345, 14_000))).toEqual({ ...PAUSE, fromMs: 12_095 });
    expect(guard().feed(partial('customer', 'seven three nine', 100, 1400))).toEqual({ ...PAUSE, fromMs: 0 });
  });

  it('back-dates over the utterance the recogniser cut off just before (a missed trigger phrase), not over an earlier one', () => {
    const g = guard();
    expect(g.feed(final('customer', 'i want to complain', 1000, 2500))).toEqual(NONE);
    expect(g.feed(final('customer', 'my cart numb', 4000, 5200))).toEqual(NONE);
    expect(g.feed(partial('customer', 'four five three', 6000, 7000))).toEqual(pauseFrom(4000));
  });

  it('agent speech between does not join the customer\'s utterances', () => {
    const g = guard();
    expect(g.feed(final('customer', 'hello', 1000, 2000))).toEqual(NONE);
    expect(g.feed(final('agent', 'how can i help', 2100, 2900))).toEqual(NONE);
    expect(g.feed(partial('customer', 'four five three', 4500, 5500))).toEqual(pauseFrom(4500));
  });

  it('pauses on a trigger phrase before any digit, in English and Chinese', () => {
    for (const text of ['my card number is', 'what is my card number', 'the security code', 'the CVV', 'expiry date is', 'my PIN number']) {
      expect(guard().feed(partial('customer', text, 2000, 3000)), text).toEqual(pauseFrom(2000));
    }
    for (const text of ['我的卡号是', '卡號', '安全码是', '有效期', '密码是']) {
      expect(guard().feed(partial('customer', text, 2000, 3000)), text).toEqual(pauseFrom(2000));
    }
    expect(guard().feed(partial('customer', 'my card was swallowed', 2000, 3000))).toEqual(NONE);
  });

  it('a final holding only the trigger phrase keeps the pause; the digits in the next utterance stay in it', () => {
    const g = guard();
    expect(g.feed(final('customer', 'my card number is', 0, 1500))).toEqual(pauseFrom(0));
    expect(g.feed(partial('customer', 'four', 2500, 2900))).toEqual(NONE);
    expect(g.feed(final('customer', 'four five three two', 2500, 4500))).toEqual(NONE);
    expect(g.tick(7499)).toEqual(NONE);
    expect(g.tick(7500)).toEqual(RESUME);
  });

  it('a trigger phrase with no digits after it resumes after the quiet period', () => {
    const g = guard();
    g.feed(final('customer', 'where do I find the security code', 0, 2000));
    expect(g.feed(final('agent', 'on the back of the card', 2500, 4000))).toEqual(NONE);
    expect(g.tick(5000)).toEqual(RESUME);
  });

  it('stays paused while digits keep coming across utterances and resumes 3 s after the last one', () => {
    const g = guard();
    expect(g.feed(final('customer', '六二二二 八四八八', 0, 3000))).toEqual(pauseFrom(0));
    expect(g.feed(partial('customer', '一', 3500, 3800))).toEqual(NONE);
    expect(g.feed(final('customer', '一二三', 3500, 5000))).toEqual(NONE);
    expect(g.tick(7999)).toEqual(NONE);
    expect(g.tick(8000)).toEqual(RESUME);
    expect(g.paused).toBe(false);
    expect(g.tick(9000)).toEqual(NONE);
  });

  it('resumes at once on a final without digits', () => {
    const g = guard();
    g.feed(final('customer', 'four five three two one one two three', 0, 4000));
    expect(g.feed(partial('customer', 'that is', 4200, 4500))).toEqual(NONE);
    expect(g.feed(final('customer', 'that is all of it', 4200, 5000))).toEqual(RESUME);
  });

  it('resumes on a digit-free partial that comes after the quiet period', () => {
    const g = guard({ resumeAfterMs: 2000 });
    g.feed(final('customer', '4532 1234', 0, 2000));
    expect(g.feed(partial('customer', 'and also', 3000, 3500))).toEqual(NONE);
    expect(g.feed(partial('customer', 'and also the fee', 3000, 4000))).toEqual(RESUME);
  });

  it('uses agent speech as a clock but ignores agent digits unless told to watch the agent', () => {
    const g = guard();
    expect(g.feed(final('agent', 'your reference is 5566 7788', 0, 2000))).toEqual(NONE);
    g.feed(final('customer', 'one two three four', 2000, 3000));
    expect(g.feed(partial('agent', 'thank you', 6500, 7000))).toEqual(RESUME);
    expect(guard({ watchAgent: true }).feed(final('agent', 'your card is 5566 7788', 0, 2000))).toEqual(pauseFrom(0));
  });

  it('masks card-like runs, and every digit while paused', () => {
    const g = guard();
    expect(g.mask('I have two cards')).toBe('I have two cards');
    g.feed(final('customer', '4532 1234', 0, 1000));
    expect(g.mask('4532 1234')).toBe('[••••]');
    expect(g.mask('and then five')).toBe('and then [••••]');
    g.tick(10_000);
    expect(g.mask('and then five')).toBe('and then five');
  });

  it('uses the policy’s mask text and digit threshold', () => {
    const g = guard({ minDigits: 6, maskText: '＊＊＊' });
    expect(g.feed(final('customer', '1234 5', 0, 1000))).toEqual(NONE);
    // The utterance right before is part of the same stretch of speech: the pause reaches back over it.
    expect(g.feed(final('customer', '123456', 1000, 2000))).toEqual(pauseFrom(0));
    expect(g.mask('卡是123456')).toBe('卡是＊＊＊');
  });

  it('rejects settings it cannot work with', () => {
    expect(() => new PciGuard({ ...defaultPolicy().pci, minDigits: 0 })).toThrow(/minDigits must be ≥ 1/);
  });
});
