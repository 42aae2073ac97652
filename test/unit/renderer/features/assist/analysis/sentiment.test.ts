import { describe, expect, it } from 'vitest';
import { SentimentTracker, scoreSentiment } from '@renderer/features/assist/analysis/sentiment';
import { defaultPolicy, final, partial } from './fixtures';

const score = (text: string) => scoreSentiment(text).score;

describe('scoreSentiment', () => {
  it('scores English, Simplified and Traditional Chinese on one −1 … 1 scale', () => {
    expect(score('Thank you, that was really helpful')).toBeGreaterThan(0.5);
    expect(score('This is ridiculous, I am so angry')).toBeLessThan(-0.8);
    expect(score('服务很好，谢谢')).toBeGreaterThan(0.5);
    expect(score('你们太离谱了')).toBeLessThan(-0.5);
    expect(score('你們太離譜了')).toBe(score('你们太离谱了'));
    expect(score('I lost my card yesterday')).toBe(0);
    expect(score('我想查一下余额')).toBe(0);
  });

  it('flips and softens a word under a negation', () => {
    expect(score('I am happy')).toBeGreaterThan(0);
    expect(score('I am not happy')).toBeLessThan(0);
    expect(Math.abs(score('I am not happy'))).toBeLessThan(score('I am happy'));
    expect(score('no problem')).toBeGreaterThan(0);
    expect(score('我不太满意')).toBeLessThan(0);
    expect(score('我不生气')).toBeGreaterThan(0);
  });

  it('reads words that contain a negation as whole words (不满, 不错), not as negated 满 or 错', () => {
    expect(score('我很不满')).toBeLessThan(0);
    expect(score('还不错')).toBeGreaterThan(0);
  });

  it('scales by intensifiers and dampeners', () => {
    expect(score('I am very angry')).toBeLessThan(score('I am angry'));
    expect(score('我非常失望')).toBeLessThan(score('我失望'));
    expect(score('我有点失望')).toBeGreaterThan(score('我失望'));
  });

  it('reports the words it used, with spans for highlighting', () => {
    const { hits } = scoreSentiment('我真的很生氣');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ word: '生气', start: 4, end: 6 });
    expect(hits[0]?.weight).toBeCloseTo(-3.9);
  });
});

describe('SentimentTracker', () => {
  it('follows only customer finals', () => {
    const tracker = new SentimentTracker(defaultPolicy().sentiment);
    expect(tracker.feed(partial('customer', 'this is ridiculous', 0, 1000))).toBeNull();
    expect(tracker.feed(final('agent', 'this is ridiculous', 0, 1000))).toBeNull();
    expect(tracker.current).toBe(0);
  });

  it('flags rising frustration once as the trend falls, and clears it after recovery', () => {
    const tracker = new SentimentTracker(defaultPolicy().sentiment);
    const feed = (text: string, at: number) => tracker.feed(final('customer', text, at, at + 1000));
    expect(feed('I lost my card', 0)?.frustrated).toBe(false);
    expect(feed('this is really annoying', 2000)?.frustrationStarted).toBe(false);
    const angry = feed('this is ridiculous, I am furious', 4000);
    expect(angry).toMatchObject({ frustrated: true, frustrationStarted: true });
    expect(feed('你们太离谱了，我要投诉', 6000)).toMatchObject({ frustrated: true, frustrationStarted: false });
    feed('ok', 8000);
    feed('thank you', 10_000);
    expect(feed('great, thank you so much, that is really helpful', 12_000)?.frustrated).toBe(false);
  });

  it('moves the average by the policy’s smoothing', () => {
    const tracker = new SentimentTracker({ ...defaultPolicy().sentiment, smoothing: 1 });
    const reading = tracker.feed(final('customer', 'terrible', 0, 1000));
    expect(reading?.trend).toBe(reading?.score);
  });
});
