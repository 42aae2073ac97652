/** The lead's buttons and status by their accessible names (the names the e2e specs and screen readers use). */
import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { policySchema } from '@common/contract/policy';
import { LeadSupervisionPanel } from '@renderer/features/supervision/calls/components/LeadSupervisionPanel';
import { SupervisedStatus } from '@renderer/features/supervision/calls/components/SupervisedStatus';
import { SupervisionActions } from '@renderer/features/supervision/calls/components/SupervisionActions';
import { render, useStore } from '../../../../support/app-store';

function usePolicy(supervision: Record<string, unknown> = {}) {
  const policy = policySchema.parse({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1003@127.0.0.1', password: 'x' }, supervision: { role: 'lead', ...supervision } });
  useStore.getState().setPolicy({ status: 'ready', policy, source: 'test' });
}

const names = () => screen.getAllByRole('button').map((b) => [b.textContent, (b as HTMLButtonElement).disabled]);

describe('supervision UI', () => {
  beforeEach(() => {
    useStore.getState().setLeadSupervision(null);
    useStore.getState().setLeadSupervisionProblem(null);
  });

  it('offers Listen, Whisper, Barge, Take over on a row, disabled while the agent has no call', () => {
    usePolicy();
    const { rerender } = render(<SupervisionActions member={{ uri: 'sip:1001@127.0.0.1', name: 'Agent 1001' }} />);
    expect(screen.getByRole('group', { name: 'Supervise Agent 1001' })).toBeTruthy();
    expect(names()).toEqual([['Listen', true], ['Whisper', true], ['Barge', true], ['Take over', true]]);
    rerender(<SupervisionActions member={{ uri: 'sip:1001@127.0.0.1', name: 'Agent 1001', call: { id: 'c@h' } }} />);
    expect(names().every(([, disabled]) => !disabled)).toBe(true);
  });

  it('with feature codes offers only the modes the PBX has codes or digits for, call or not', () => {
    usePolicy({ featureCodes: { listen: '*222{extension}', switchDigits: { barge: '6' } } });
    render(<SupervisionActions member={{ uri: 'sip:1001@127.0.0.1', name: 'Agent 1001' }} />);
    expect(names()).toEqual([['Listen', false], ['Barge', false]]);
  });

  it('shows "Supervision" with the mode and agent, and Stop supervising, while supervising', () => {
    usePolicy();
    render(<LeadSupervisionPanel />);
    expect(screen.queryByRole('status', { name: 'Supervision' })).toBeNull();
    act(() => useStore.getState().setLeadSupervision({ agentUri: 'sip:1001@h', agentName: 'Agent 1001', callId: 'l1', target: 'c@h', mode: 'whisper', via: 'desktop', state: 'active' }));
    expect(screen.getByRole('status', { name: 'Supervision' }).textContent).toBe('Whispering · Agent 1001');
    expect(screen.getByRole('button', { name: 'Stop supervising' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Whisper' }).getAttribute('aria-pressed')).toBe('true');
    act(() => useStore.getState().setLeadSupervisionProblem({ code: 'no-key' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^No supervision key on this desktop/);
    expect(screen.getByLabelText('Supervision private key')).toBeTruthy();
  });

  it('shows the agent "Supervised" only when a mode is to be shown', () => {
    render(<SupervisedStatus />);
    expect(screen.queryByRole('status', { name: 'Supervised' })).toBeNull();
    act(() => useStore.getState().setSupervisedShown('barge'));
    expect(screen.getByRole('status', { name: 'Supervised' }).textContent).toBe('Your team lead has joined the call');
  });
});
