/**
 * The Callback dialog and the Callbacks list as the agent meets them: the names the issue gives (English), the
 * policy's reasons localised, Save putting a row in "Due callbacks" with Call back and Outcome, and Chinese.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { CallbackDialog, CallbacksPanel, startCallbacks, type Callbacks } from '@renderer/features/callbacks';
import { ProfileDetails } from '@renderer/features/screenpop/components/ProfileDetails';
import { resetDbForTests } from '@renderer/db/db';
import { initI18n } from '@renderer/i18n';
import { messageBundles } from '@renderer/app/bundles';
import { appClock } from '@renderer/platform/app-clock';
import { fakePhone } from '../../support/phone-calls';
import { render, useStore } from '../../support/app-store';

const parsed = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' }, callbacks: { hours: { timeZone: 'UTC', start: '00:00', end: '24:00' } } }, 'test');
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const policy = parsed.policy;
let service: Callbacks;

describe('Callback dialog and Callbacks list', () => {
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
    useStore.getState().setCallbacks([]);
    useStore.getState().setPolicy({ status: 'ready', policy, source: 'test' });
    service = startCallbacks(policy, useStore, fakePhone(useStore).lifecycle, { clock: appClock, phone: { dial: vi.fn() }, chime: vi.fn() });
  });
  afterEach(() => service.stop());

  it('Save puts the callback in "Due callbacks" with Call back and Outcome', async () => {
    render(
      <>
        <CallbackDialog />
        <CallbacksPanel />
      </>,
    );
    act(() => useStore.getState().openCallbackDialog({ number: '13800000000', callId: 'c1' }));
    const dialog = screen.getByRole('dialog', { name: 'Callback' });
    expect(within(dialog).getByRole('textbox', { name: 'Number' })).toHaveProperty('value', '13800000000');
    const reasons = within(within(dialog).getByRole('combobox', { name: 'Reason' })).getAllByRole('option').map((o) => o.textContent);
    expect(reasons).toEqual(['Could not wait in the queue', 'Answer from the back office', 'Customer asked for a call back', 'Call dropped']);
    expect(within(within(dialog).getByRole('combobox', { name: 'When' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['In 1 hour', 'This afternoon', 'Tomorrow morning', 'Pick a time']);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Note' }), { target: { value: 'call after 3 pm' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const list = await screen.findByRole('list', { name: 'Due callbacks' });
    const row = within(list).getByRole('listitem');
    expect(row.textContent).toContain('13800000000');
    expect(row.textContent).toContain('Later');
    expect(row.textContent).toContain('call after 3 pm');
    expect(within(row).getByRole('button', { name: 'Call back' })).toBeTruthy();
    expect(within(row).getByRole('combobox', { name: 'Outcome' })).toBeTruthy();
    expect(dialog.hasAttribute('open')).toBe(false);
  });

  it('with the customer\'s own preference on the profile, the dialog says so and defaults to its next slot', async () => {
    const profile = { id: 'C1', name: 'Wang Fang', tags: [], phones: [], products: [], interactions: [], complaints: [], callPreference: 'Mon-Fri 15:00-18:00' };
    render(
      <>
        <ProfileDetails profile={profile} history={[]} number="1002" elderlyAge={65} />
        <CallbackDialog />
        <CallbacksPanel />
      </>,
    );
    expect(screen.getByText('Preferred calling time').nextElementSibling?.textContent).toBe('Mon–Fri 15:00–18:00');
    act(() => {
      useStore.getState().addPop({ callId: 'c1', number: '1002', cti: {}, trusted: true, source: 'crm', profiles: [profile], selected: 0, loading: false });
      useStore.getState().openCallbackDialog({ number: '1002', callId: 'c1' });
    });
    const dialog = screen.getByRole('dialog', { name: 'Callback' });
    const when = within(dialog).getByRole('combobox', { name: 'When' }) as HTMLSelectElement;
    expect(when.selectedOptions[0]?.text).toBe("The customer's preferred time");
    expect(dialog.textContent).toContain('Customer prefers Mon–Fri 15:00–18:00');
    expect(dialog.textContent).toMatch(/Next: \S.*–\d\d:\d\d/);
    // The preference is the customer's own request: no "customer asked" box to tick.
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    fireEvent.change(when, { target: { value: 'in-1-hour' } });
    expect(within(dialog).getByRole('checkbox', { name: /The customer asked for this time/ })).toBeTruthy();
    fireEvent.change(when, { target: { value: 'preference' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(useStore.getState().callbacks).toMatchObject([{ preference: 'Mon-Fri 15:00-18:00', customerAsked: true }]));
  });

  it("offers the profile's numbers beside the caller's", () => {
    const profile = { id: 'C2', name: 'Li Lei', tags: [], phones: ['13900000001', '02155550000'], products: [], interactions: [], complaints: [] };
    render(<CallbackDialog />);
    act(() => {
      useStore.getState().addPop({ callId: 'c2', number: '1002', cti: {}, trusted: true, source: 'crm', profiles: [profile], selected: 0, loading: false });
      useStore.getState().openCallbackDialog({ number: '1002', callId: 'c2' });
    });
    const number = within(screen.getByRole('dialog', { name: 'Callback' })).getByRole('combobox', { name: 'Number' }) as HTMLInputElement;
    expect(number.value).toBe('1002');
    expect([...(number.list?.options ?? [])].map((o) => o.value)).toEqual(['13900000001', '02155550000']);
  });

  it('speaks Chinese: the dialog, the region and the policy\'s reason labels', async () => {
    await initI18n('zh-CN', messageBundles);
    useStore.getState().setLanguage('zh-CN', false);
    try {
      render(<CallbackDialog />);
      act(() => useStore.getState().openCallbackDialog({ number: '1002' }));
      const dialog = screen.getByRole('dialog', { name: '回呼' });
      expect(within(dialog).getByRole('combobox', { name: '原因' }).textContent).toContain('需后台答复');
      expect(within(dialog).getByRole('button', { name: '保存' })).toBeTruthy();
    } finally {
      useStore.getState().setLanguage('en', false);
    }
  });
});
