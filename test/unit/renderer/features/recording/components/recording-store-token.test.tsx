import { act, fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import type { SecretName } from '@common/contract/ipc';
import { RecordingsPanel } from '@renderer/features/recording/components/RecordingsPanel';
import { connectUploadToken } from '@renderer/features/recording/upload-token';
import { render, useStore } from '../../../support/app-store';

function usePolicy(recording: Record<string, unknown>) {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, recording }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  act(() => useStore.getState().setPolicy({ status: 'ready', policy: result.policy, source: 'test' }));
}

const STORE = { uploadUrl: 'https://store.bank.example/files', uploadTokenHeader: 'X-Recording-Token' };
const field = () => screen.queryByLabelText('Recording store token');

/** The host's secret store and the queue's retry, as the recording service connects them. */
function connect(hostKind: 'browser' | 'electron') {
  const stored: Array<[SecretName, string | null]> = [];
  const retries = vi.fn();
  const warnings: string[] = [];
  act(() => useStore.getState().setHostKind(hostKind));
  connectUploadToken({
    host: {
      secrets: {
        set: async (name, value) => {
          stored.push([name, value]);
          return hostKind === 'browser' ? { stored: true, protection: 'weak', persistence: 'session' } : { stored: true, protection: 'os', persistence: 'kept' };
        },
      },
    },
    store: useStore,
    retryUploads: retries,
    log: { warn: (message) => void warnings.push(message) },
  });
  return { stored, retries, warnings };
}

beforeEach(() => {
  act(() => {
    useStore.getState().setRecordingStoreRefused(null);
    useStore.getState().setRecordingStoreTokenSaved(false);
  });
});

describe('the recording store token in the Recordings area', () => {
  it('browser host: asks for the token at once when the policy names its header, stores it write-only, retries, and then hides', async () => {
    usePolicy(STORE);
    const { stored, retries, warnings } = connect('browser');
    render(<RecordingsPanel />);
    expect(screen.getByText(/The recording store needs its token/)).toBeTruthy();
    expect(screen.getByText('Kept in this page only: enter it again after a reload.')).toBeTruthy();
    const input = field() as HTMLInputElement;
    expect(input.type).toBe('password');
    // An empty entry is not a token.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(stored).toEqual([]);
    fireEvent.change(input, { target: { value: '  rec-s3cret ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(retries).toHaveBeenCalledTimes(1));
    expect(stored).toEqual([['recording.uploadToken', 'rec-s3cret']]);
    expect(warnings).toEqual(['recording store token kept with weak protection (browser host: this page only)']);
    expect(field()).toBeNull();
  });

  it('shows a 401/403 from the store as an alert with the token field, in either host, until a token is saved', async () => {
    usePolicy(STORE);
    const { stored, retries } = connect('electron');
    render(<RecordingsPanel />);
    // Electron: IT may have provisioned the token, so nothing is asked until the store refuses.
    expect(field()).toBeNull();
    act(() => useStore.getState().setRecordingStoreRefused(401));
    expect(screen.getByRole('alert').textContent).toMatch(/^The recording store refused the upload \(401\): enter the recording store token/);
    expect(screen.getByText('Kept in the system keyring; it cannot be read back.')).toBeTruthy();
    fireEvent.change(field() as HTMLInputElement, { target: { value: 'rec-s3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(retries).toHaveBeenCalledTimes(1));
    expect(stored).toEqual([['recording.uploadToken', 'rec-s3cret']]);
    expect(screen.queryByRole('alert')).toBeNull();
    // The saved token is refused too: the problem and the field come back.
    act(() => useStore.getState().setRecordingStoreRefused(403));
    expect(screen.getByRole('alert').textContent).toMatch(/refused the upload \(403\)/);
    expect(field()).not.toBeNull();
  });

  it('tells the agent to call IT when the policy names no header to send a token in', () => {
    usePolicy({ uploadUrl: STORE.uploadUrl });
    connect('browser');
    render(<RecordingsPanel />);
    expect(field()).toBeNull();
    act(() => useStore.getState().setRecordingStoreRefused(403));
    expect(screen.getByRole('alert').textContent).toMatch(/refused the upload \(403\), and the policy names no recording.uploadTokenHeader.*Tell IT/);
    expect(field()).toBeNull();
  });

  it('shows nothing without a recording store', () => {
    usePolicy({ uploadTokenHeader: 'X-Recording-Token' });
    connect('browser');
    render(<RecordingsPanel />);
    expect(field()).toBeNull();
    expect(screen.queryByText(/recording store/)).toBeNull();
  });
});
