/**
 * What the agent reads in the assist pane about transcription itself: starting, running, or unavailable with
 * IT's reason (a missing sherpa-onnx model, a server that is gone), and that the call is not affected; and
 * the conversation meters (pace, talk-over, long silences).
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '@renderer/features/assist/assist-session';
import { setHealth, setView } from '@renderer/features/assist/assist-state';
import { AssistPane } from '@renderer/features/assist/components/AssistPane';
import { initI18n } from '@renderer/i18n';

const status = (name = 'Transcription status') => screen.getByRole('status', { name });
const transcript = () => screen.getByRole('log', { name: 'Transcript' });
const missing = 'sherpa-onnx model folder not found: /opt/models/zh (for zh-CN); IT sets this path in the policy';

describe('AssistPane transcription status', () => {
  afterEach(() => setHealth('c1', null));

  it('is an empty live region while transcription runs, so the later change is announced', () => {
    setHealth('c1', { state: 'ready' });
    render(<AssistPane callId="c1" onOpenArticle={() => undefined} />);
    expect(status().textContent).toBe('');
    expect(transcript().textContent).toBe('Listening…');
  });

  it('says it is starting, then that it is unavailable with the reason, and the transcript says there will be none', () => {
    setHealth('c1', { state: 'connecting' });
    render(<AssistPane callId="c1" onOpenArticle={() => undefined} />);
    expect(status().textContent).toBe('Starting transcription…');

    act(() => setHealth('c1', { state: 'unavailable', reason: missing }));
    expect(status().textContent).toBe(`Transcription is unavailable for this call. The call itself is not affected.Reason (for IT): ${missing}`);
    expect(transcript().textContent).toBe('No transcript for this call.');
  });

  it('tells an interruption that is being retried apart from a permanent failure', () => {
    setHealth('c1', { state: 'error', reason: 'the speech engine is overloaded' });
    render(<AssistPane callId="c1" onOpenArticle={() => undefined} />);
    expect(status().textContent).toContain('Transcription interrupted, reconnecting.');
    expect(status().textContent).toContain('Reason (for IT): the speech engine is overloaded');
    // A retry may succeed: the log keeps listening.
    expect(transcript().textContent).toBe('Listening…');
  });

  it('speaks Simplified and Traditional Chinese, keeping IT’s reason verbatim', async () => {
    setHealth('c1', { state: 'unavailable', reason: missing });
    render(<AssistPane callId="c1" onOpenArticle={() => undefined} />);
    await act(() => initI18n('zh-CN'));
    expect(status('转写状态').textContent).toBe(`本通话无法转写。通话本身不受影响。原因（请转告 IT）：${missing}`);
    await act(() => initI18n('zh-TW'));
    expect(status('轉寫狀態').textContent).toContain('本通話無法轉寫');
    await act(() => initI18n('en'));
  });
});

describe('AssistPane meters', () => {
  afterEach(() => setView('c1', null));
  const view = (pace: Partial<SessionView['pace']>): SessionView => ({
    lines: [],
    cards: [],
    alerts: [],
    checklist: null,
    pace: { wpm: null, cpm: null, limitWpm: 160, limitCpm: 220, slowDown: false, talkOvers: 0, longSilences: 0, ...pace },
    sentiment: null,
    guarding: false,
  });

  it('counts talk-over and long silences once there are any', () => {
    setView('c1', view({}));
    const { container } = render(<AssistPane callId="c1" onOpenArticle={() => undefined} />);
    expect(container.querySelector('.assist__meters')?.textContent?.trim()).toBe('');
    act(() => setView('c1', view({ wpm: 150, talkOvers: 2, longSilences: 1 })));
    expect(container.querySelector('.assist__meters')?.textContent).toBe('Your pace: 150 words/min Talk-over: 2 Long silences: 1 ');
  });
});
