import { describe, expect, it } from 'vitest';
import { AssistAnalyzer } from '@renderer/features/assist/analysis/analyzer';
import type { TranscriptEvent } from '@renderer/features/assist/analysis/types';
import { defaultPolicy, final, partial } from './fixtures';

const lostCardChecklist = [
  { id: 'verify-identity', label: 'Verify identity', phrases: ['verify your identity'] },
  { id: 'block-card', label: 'Block the card', phrases: ['block your card'] },
];

describe('AssistAnalyzer', () => {
  it('pauses, masks and resumes around a card number read out over partials', () => {
    const a = new AssistAnalyzer(defaultPolicy());
    expect(a.feed(partial('customer', 'my', 0, 500)).pci).toEqual({ pause: false, resume: false });
    expect(a.feed(partial('customer', 'my card number is', 0, 1000)).pci).toEqual({ pause: true, resume: false, fromMs: 0 });
    const first = a.feed(partial('customer', 'my card number is four', 0, 1400));
    expect(first.pci.pause).toBe(false);
    expect(first.text).toBe('my card number is [••••]');
    expect(a.feed(final('customer', 'my card number is four five three two one one two three', 0, 4000)).text).toBe('my card number is [••••]');
    expect(a.recordingPaused).toBe(true);
    expect(a.tick(6999).pci.resume).toBe(false);
    expect(a.tick(7000).pci.resume).toBe(true);
  });

  it('fires keyword rules on the spoken text but highlights in the masked text', () => {
    const a = new AssistAnalyzer(defaultPolicy());
    const update = a.feed(final('customer', '卡号是六二二二八四八八，我要打12378投诉', 0, 4000));
    expect(update.text).toBe('卡号是[••••]，我要打[••••]投诉');
    expect(update.fired.map((m) => m.text)).toEqual(['12378']);
    expect(update.highlights.map((m) => [m.text, update.text.slice(m.start, m.end)])).toEqual([['投诉', '投诉']]);
  });

  it('counts checklist steps the agent said before the article showed up', () => {
    const a = new AssistAnalyzer(defaultPolicy());
    a.feed(final('agent', 'First let me verify your identity', 0, 2000));
    expect(a.checklist()).toBeNull();
    expect(a.useChecklist(lostCardChecklist).map((t) => t.itemId)).toEqual(['verify-identity']);
    expect(a.feed(final('agent', "I'll block your card now", 3000, 5000)).ticks.map((t) => t.itemId)).toEqual(['block-card']);
    expect(a.checklist()?.every((i) => i.tick)).toBe(true);
    a.useChecklist(null);
    expect(a.checklist()).toBeNull();
  });

  it('reports sentiment for customer finals, pace and elderly cues', () => {
    const a = new AssistAnalyzer(defaultPolicy(), { elderly: false });
    expect(a.feed(final('customer', '你们太离谱了', 0, 2000)).sentiment?.score).toBeLessThan(0);
    expect(a.feed(final('agent', '好'.repeat(40), 2000, 14_000)).sentiment).toBeNull();
    expect(a.pace()).toMatchObject({ cpm: 200, slowDown: false });
    a.setElderly(true);
    expect(a.pace().slowDown).toBe(true);
    expect(a.sentimentTrend).toBeLessThan(0);
  });

  it('handles a typical utterance in well under a millisecond (sanity bound, not a benchmark)', () => {
    const a = new AssistAnalyzer(defaultPolicy());
    a.useChecklist(lostCardChecklist);
    const lines = [
      'I lost my credit card at the train station yesterday and I am really not happy about it',
      '我的信用卡昨天在地铁站丢了，卡号是六二二二八四八八，你们要是不处理我就去投诉',
      '您好，我先核实一下您的身份，然后马上为您办理挂失',
    ];
    const events: TranscriptEvent[] = [];
    for (let i = 0; i < 600; i++) {
      const text = lines[i % 3] as string;
      const cut = text.slice(0, Math.max(4, Math.round((text.length * ((i % 5) + 1)) / 5)));
      events.push({ leg: i % 3 === 2 ? 'agent' : 'customer', text: cut, startMs: i * 1000, endMs: i * 1000 + 900, final: i % 5 === 4 });
    }
    const started = performance.now();
    for (const event of events) a.feed(event);
    const perEvent = (performance.now() - started) / events.length;
    // Generous: measured around 0.05 ms on the 2-core CI box; 2 ms only catches an accidental blow-up.
    expect(perEvent).toBeLessThan(2);
  });
});
