import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CallList } from '@renderer/features/phone/components/CallList';
import { TransferStatus } from '@renderer/features/phone/components/TransferStatus';
import type { CallSnapshot } from '@renderer/features/phone/sip/types';
import { callSnapshot } from '../../../support/call-snapshot';

const call = (id: string, number: string, patch: Partial<CallSnapshot> = {}): CallSnapshot =>
  callSnapshot({ id, remoteNumber: number, ...patch });

describe('CallList', () => {
  it('lists each line with number, name and state', () => {
    render(
      <CallList
        calls={[call('a', '1002', { remoteName: 'Wang Fang', heldLocally: true }), call('b', '1003', { phase: 'ringing' }), call('c', '1004')]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Calls' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['1002 Wang Fang · On hold', '1003 · Ringing', '1004 · Connected']);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('in a conference each party has a Drop button', () => {
    render(<CallList calls={[call('a', '1002', { conferenceId: 'x' }), call('b', '1003', { conferenceId: 'x' })]} />);
    expect(screen.getAllByText(/In conference/)).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Drop 1002' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Drop 1003' })).toBeTruthy();
  });
});

describe('TransferStatus', () => {
  it('says why a transfer failed, with the SIP status or a translated cause', () => {
    render(
      <TransferStatus
        calls={[
          call('a', '1002', { transfer: { kind: 'blind', target: '1003', state: 'failed', failure: { statusCode: 486, reason: 'Busy Here' } } }),
          call('b', '1004', { transfer: { kind: 'blind', target: '1005', state: 'failed', failure: { reason: 'timeout' } } }),
        ]}
      />,
    );
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Transfer failed: 486 Busy Here',
      'Transfer failed: no answer from the transfer target',
    ]);
  });

  it('announces a transfer in progress politely', () => {
    render(<TransferStatus calls={[call('a', '1002', { transfer: { kind: 'blind', target: '1003', state: 'transferring' } })]} />);
    expect(screen.getByRole('status').textContent).toBe('Transferring to 1003…');
  });
});
