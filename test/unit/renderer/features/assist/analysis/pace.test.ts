import { describe, expect, it } from 'vitest';
import { PaceMeter, countSpeech } from '@renderer/features/assist/analysis/pace';
import { defaultPolicy, final, partial } from './fixtures';

const options = defaultPolicy().pace;
const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
const chars = (n: number) => '好'.repeat(n);

describe('countSpeech', () => {
  it('counts English words and Han characters, Simplified or Traditional', () => {
    expect(countSpeech("I'll block your card now")).toEqual({ words: 5, chars: 0 });
    expect(countSpeech('您的卡已經掛失')).toEqual({ words: 0, chars: 7 });
    expect(countSpeech('您的 ATM 卡')).toEqual({ words: 1, chars: 3 });
  });
});

describe('PaceMeter', () => {
  it('reports English words per minute over the agent’s speaking time, once there is enough speech', () => {
    const meter = new PaceMeter(options);
    meter.feed(final('agent', words(20), 0, 6000));
    expect(meter.snapshot().wpm).toBeNull();
    meter.feed(final('customer', words(50), 6000, 20_000));
    meter.feed(final('agent', words(10), 20_000, 24_000));
    // 30 words in 10 s of agent speech; the customer's words and the listening time do not count.
    expect(meter.snapshot()).toMatchObject({ wpm: 180, cpm: null, slowDown: true, limitWpm: 160 });
  });

  it('reports Chinese characters per minute and cues "slow down" only above the limit in force', () => {
    const meter = new PaceMeter(options);
    // 200 characters a minute: within the general limit (220), above the elderly one (180).
    expect(meter.feed(final('agent', chars(40), 0, 12_000))).toEqual([]);
    expect(meter.snapshot()).toMatchObject({ cpm: 200, slowDown: false });
    meter.setElderly(true);
    expect(meter.snapshot()).toMatchObject({ cpm: 200, limitCpm: 180, slowDown: true });
  });

  it('emits one slow-down event when the cue turns on, and again only after it turned off', () => {
    const meter = new PaceMeter(options, true);
    expect(meter.feed(final('agent', chars(40), 0, 12_000))).toEqual([{ kind: 'slow-down', wpm: null, cpm: 200 }]);
    expect(meter.feed(final('agent', chars(40), 13_000, 25_000))).toEqual([]);
    meter.feed(final('agent', chars(20), 26_000, 50_000));
    expect(meter.snapshot().slowDown).toBe(false);
  });

  it('measures only the sliding window', () => {
    const meter = new PaceMeter(options);
    meter.feed(final('agent', words(60), 0, 10_000));
    meter.feed(final('agent', words(20), 70_000, 80_000));
    meter.feed(final('agent', words(20), 80_000, 90_000));
    expect(meter.snapshot().wpm).toBe(120);
  });

  it('reports dead air as it starts (tick) and when speech resumes, counted once', () => {
    const meter = new PaceMeter(options);
    meter.feed(final('agent', 'hello', 0, 1000));
    expect(meter.tick(10_999)).toEqual([]);
    expect(meter.tick(11_000)).toEqual([{ kind: 'silence', startMs: 1000, endMs: null }]);
    expect(meter.tick(12_000)).toEqual([]);
    expect(meter.feed(partial('customer', 'hello?', 15_000, 15_500))).toEqual([{ kind: 'silence', startMs: 1000, endMs: 15_000 }]);
    expect(meter.snapshot().longSilences).toBe(1);
  });

  it('finds a long gap between utterances even without ticks, and counts from the call start', () => {
    const meter = new PaceMeter(options, false, 0);
    expect(meter.feed(final('agent', '您好', 12_000, 13_000))).toEqual([{ kind: 'silence', startMs: 0, endMs: 12_000 }]);
    expect(meter.feed(final('customer', '你好', 14_000, 15_000))).toEqual([]);
    expect(meter.snapshot().longSilences).toBe(1);
  });

  it('detects talk-over from partials as soon as the overlap reaches 1 s, once per pair of utterances', () => {
    const meter = new PaceMeter(options);
    meter.feed(partial('customer', 'I have been waiting', 0, 2000));
    expect(meter.feed(partial('agent', 'sir', 1500, 2200))).toEqual([]);
    expect(meter.feed(partial('agent', 'sir let me', 1500, 2600))).toEqual([]);
    // The customer's next partial shows them still talking while the agent talks: 1.1 s of overlap.
    expect(meter.feed(partial('customer', 'I have been waiting for an hour', 0, 3000))).toEqual([
      { kind: 'talk-over', startMs: 1500, endMs: 2600, overlapMs: 1100, by: 'agent' },
    ]);
    expect(meter.feed(partial('agent', 'sir let me explain', 1500, 3200))).toEqual([]);
    expect(meter.feed(final('agent', 'sir let me explain', 1500, 3500))).toEqual([]);
    expect(meter.feed(final('customer', 'I have been waiting for an hour', 0, 3600))).toEqual([]);
    expect(meter.snapshot().talkOvers).toBe(1);
  });

  it('does not call a short backchannel talk-over', () => {
    const meter = new PaceMeter(options);
    meter.feed(final('customer', '我的卡昨天丢了', 0, 3000));
    expect(meter.feed(final('agent', '嗯嗯', 2000, 2600))).toEqual([]);
  });
});
