import { describe, expect, it } from 'vitest';
import { PciGuard } from '@renderer/features/assist/analysis/pci-guard';
import { defaultPolicy, final, partial } from './fixtures';

const NONE = { pause: false, resume: false };
const PAUSE = { pause: true, resume: false };
const RESUME = { pause: false, resume: true };
const guard = (overrides: unknown = {}) => new PciGuard(defaultPolicy({ pci: overrides }).pci);

describe('PciGuard', () => {
  it('pauses on the first partial that reaches four spoken digits, not before', () => {
    const g = guard();
    expect(g.feed(partial('customer', 'it is four', 1000, 1500))).toEqual(NONE);
    expect(g.feed(partial('customer', 'it is four five three', 1000, 2100))).toEqual(NONE);
    expect(g.feed(partial('customer', 'it is four five three two', 1000, 2500))).toEqual(PAUSE);
    expect(g.paused).toBe(true);
    expect(g.pausedSinceMs).toBe(1000);
    expect(g.feed(partial('customer', 'it is four five three two one', 1000, 2800))).toEqual(NONE);
  });

  it('pauses at the first digit after "card number", 卡号 or 卡號', () => {
    expect(guard().feed(partial('customer', 'my card number is four', 0, 900))).toEqual(PAUSE);
    expect(guard().feed(partial('customer', '我的卡号是六', 0, 900))).toEqual(PAUSE);
    expect(guard().feed(partial('customer', '我的卡號是六', 0, 900))).toEqual(PAUSE);
    expect(guard().feed(partial('customer', 'what is my card number', 0, 900))).toEqual(NONE);
  });

  it('stays paused while digits keep coming across utterances and resumes 3 s after the last one', () => {
    const g = guard();
    expect(g.feed(final('customer', '六二二二 八四八八', 0, 3000))).toEqual(PAUSE);
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
    expect(guard({ watchAgent: true }).feed(final('agent', 'your card is 5566 7788', 0, 2000))).toEqual(PAUSE);
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
    expect(g.feed(final('customer', '123456', 1000, 2000))).toEqual(PAUSE);
    expect(g.mask('卡是123456')).toBe('卡是＊＊＊');
  });

  it('rejects settings it cannot work with', () => {
    expect(() => new PciGuard({ ...defaultPolicy().pci, minDigits: 0 })).toThrow(/minDigits must be ≥ 1/);
  });
});
