import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { CallRecording } from '@renderer/features/recording/components/CallRecording';
import { RecordingsPanel } from '@renderer/features/recording/components/RecordingsPanel';
import type { RecordingManifest } from '@renderer/features/recording/types';
import { render, useStore } from '../../../support/app-store';

function usePolicy(playback: boolean) {
  const result = parsePolicy(
    { sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, recording: { playback } },
    'test',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  useStore.getState().setPolicy({ status: 'ready', policy: result.policy, source: 'test' });
}

function recording(patch: Partial<RecordingManifest> = {}): RecordingManifest {
  return {
    id: 'r1',
    callId: 'c1',
    direction: 'incoming',
    number: '1002',
    startedAt: 0,
    endedAt: 9_000,
    state: 'recovered',
    mimeType: 'audio/ogg;codecs=opus',
    chunks: 18,
    bytes: 1000,
    chainHead: 'h',
    paused: [],
    ...patch,
  };
}

beforeEach(() => {
  usePolicy(true);
  act(() => useStore.getState().setRecordings([]));
});

describe('CallRecording (the history row’s slot)', () => {
  it('shows the call’s recording state and Play recording', () => {
    act(() => useStore.getState().setRecordings([recording({ id: 'other', callId: 'c2', state: 'uploaded' }), recording()]));
    render(<CallRecording callId="c1" />);
    expect(screen.getByRole('status', { name: 'Recording state' }).textContent).toBe('Recovered');
    expect(screen.getByRole('button', { name: 'Play recording' })).toBeTruthy();
  });

  it('says when an upload will be retried, and offers no Play when policy or retention took the audio', () => {
    act(() => useStore.getState().setRecordings([recording({ state: 'uploading', upload: { attempts: 1, lastError: '503' } })]));
    const { unmount } = render(<CallRecording callId="c1" />);
    expect(screen.getByRole('status', { name: 'Recording state' }).textContent).toBe('Uploading · will retry');
    unmount();
    act(() => useStore.getState().setRecordings([recording({ state: 'uploaded', audioDeleted: true })]));
    render(<CallRecording callId="c1" />);
    expect(screen.queryByRole('button', { name: 'Play recording' })).toBeNull();
  });

  it('shows nothing for a call that was not recorded', () => {
    act(() => useStore.getState().setRecordings([recording({ callId: 'c2' })]));
    const { container } = render(<CallRecording callId="c1" />);
    expect(container.textContent).toBe('');
  });
});

describe('Recordings list', () => {
  it('paused spans read to the nearest tenth of a second', () => {
    act(() =>
      useStore.getState().setRecordings([
        recording({
          paused: [
            { startMs: 3_460, endMs: 3_860, by: 'pci-guard' },
            { startMs: 7_010, by: 'agent' },
          ],
        }),
      ]),
    );
    render(<RecordingsPanel />);
    const row = screen.getByRole('listitem');
    expect(row.textContent).toContain('paused 00:03.5–00:03.9, 00:07.0–…');
    expect(within(row).getByRole('status', { name: 'Upload state' }).textContent).toBe('Recovered');
  });

  it('no Play recording when the policy turns playback off', () => {
    usePolicy(false);
    act(() => useStore.getState().setRecordings([recording()]));
    render(<RecordingsPanel />);
    expect(screen.queryByRole('button', { name: 'Play recording' })).toBeNull();
  });
});
