import { describe, expect, it } from 'vitest';
import { UtteranceStream } from '@renderer/features/assist/analysis/utterances';
import { final, partial } from './fixtures';

describe('UtteranceStream', () => {
  it('merges partials into one row with a stable id, finished by the final', () => {
    const stream = new UtteranceStream();
    expect(stream.feed(partial('customer', 'I lost', 0, 600))).toMatchObject({ kind: 'added', utterance: { id: 'customer-0', final: false } });
    expect(stream.feed(partial('customer', 'I lost my card', 0, 1200))).toMatchObject({ kind: 'updated', utterance: { id: 'customer-0', text: 'I lost my card' } });
    expect(stream.feed(final('customer', 'I lost my card.', 0, 1500))).toMatchObject({ kind: 'finished', utterance: { id: 'customer-0', final: true } });
    expect(stream.feed(partial('customer', '昨天', 2000, 2500))).toMatchObject({ kind: 'added', utterance: { id: 'customer-1' } });
  });

  it('keeps the legs apart', () => {
    const stream = new UtteranceStream();
    stream.feed(partial('customer', '我的卡', 0, 500));
    expect(stream.feed(final('agent', '您好', 100, 600))).toMatchObject({ kind: 'added', utterance: { id: 'agent-0', final: true } });
    expect(stream.partial('customer')?.text).toBe('我的卡');
    expect(stream.partial('agent')).toBeUndefined();
  });

  it('drops repeats: an empty or identical partial, a final delivered twice', () => {
    const stream = new UtteranceStream();
    expect(stream.feed(partial('agent', '  ', 0, 100))).toBeNull();
    stream.feed(partial('agent', 'hello', 0, 500));
    expect(stream.feed(partial('agent', 'hello', 0, 500))).toBeNull();
    stream.feed(final('agent', 'Hello.', 0, 700));
    expect(stream.feed(final('agent', 'hello.', 0, 700))).toBeNull();
    expect(stream.feed(final('agent', 'Hello.', 5000, 5600))).toMatchObject({ kind: 'added' });
    expect(stream.finals().map((u) => u.text)).toEqual(['Hello.', 'Hello.']);
  });

  it('removes a partial row when the final comes back empty', () => {
    const stream = new UtteranceStream();
    stream.feed(partial('customer', 'uh', 0, 300));
    expect(stream.feed(final('customer', '', 0, 400))).toEqual({ kind: 'dropped', id: 'customer-0' });
    expect(stream.finals()).toEqual([]);
  });

  it('lists finals of both legs in time order', () => {
    const stream = new UtteranceStream();
    stream.feed(final('agent', 'b', 2000, 3000));
    stream.feed(final('customer', 'a', 1000, 2500));
    expect(stream.finals().map((u) => u.text)).toEqual(['a', 'b']);
  });
});
