/**
 * Click-to-dial as the agent meets it: the Dial dialog with the number and the customer's name, Call and Cancel,
 * a refused number with the rule that refused it, hold-and-dial during a call, and dial.confirm false.
 */
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialRequest } from '@common/contract/dial-request';
import { dialPolicySchema, type DialPolicy } from '@common/contract/policy-dial';
import { DialDialog, startClickToDial, type DialCommands } from '@renderer/features/click-to-dial';
import { EXTENSION_DELAY_MS } from '@renderer/features/click-to-dial/dial-service';
import { initI18n } from '@renderer/i18n';
import { messageBundles } from '@renderer/app/bundles';
import { fakePhone } from '../../support/phone-calls';
import { render, useStore } from '../../support/app-store';

let stop: () => void = () => undefined;
let send: (request: DialRequest) => void = () => undefined;
let phone: ReturnType<typeof fakePhone>;
let commands: { [K in keyof DialCommands]: ReturnType<typeof vi.fn<DialCommands[K]>> };

function start(policy: Partial<DialPolicy> = {}, names: Record<string, string> = {}) {
  phone = fakePhone(useStore);
  commands = {
    dial: vi.fn<DialCommands['dial']>(async () => ({ ok: true, callId: 'out1' })),
    holdAndDial: vi.fn<DialCommands['holdAndDial']>(async () => ({ ok: true, callId: 'out2' })),
    sendDtmf: vi.fn<DialCommands['sendDtmf']>(),
  };
  const host = {
    dial: {
      onRequest: (listener: (request: DialRequest) => void) => {
        send = (request) => act(() => listener(request));
        return () => undefined;
      },
    },
  };
  stop = startClickToDial(dialPolicySchema.parse(policy), useStore, { host, lifecycle: phone.lifecycle, phone: commands, customerName: async (n) => names[n] });
  render(<DialDialog />);
}

const dialog = () => screen.getByRole('dialog', { name: 'Dial' });
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

beforeEach(async () => {
  await initI18n('en', messageBundles);
});
afterEach(() => {
  stop();
  act(() => {
    useStore.getState().setDialPrompt(null);
    for (const call of useStore.getState().calls) useStore.getState().removeCall(call.id);
  });
  vi.useRealTimers();
});

describe('the Dial dialog', () => {
  it('shows the normalised number and the customer the CRM cache knows; Call dials it', async () => {
    start({}, { '13800138000': '王芳' });
    send({ text: 'tel:+86-138-0013-8000', source: 'link' });
    await settle();
    const box = dialog();
    expect(within(box).getByText('13800138000')).toBeTruthy();
    expect(within(box).getByText('王芳')).toBeTruthy();
    expect(within(box).getByText('From a link')).toBeTruthy();
    await act(async () => within(box).getByRole('button', { name: 'Call' }).click());
    expect(commands.dial).toHaveBeenCalledWith('13800138000');
    expect(screen.queryByRole('dialog', { name: 'Dial' })).toBeNull();
  });

  it('Cancel dials nothing', async () => {
    start();
    send({ text: '95588', source: 'clipboard' });
    act(() => within(dialog()).getByRole('button', { name: 'Cancel' }).click());
    expect(screen.queryByRole('dialog', { name: 'Dial' })).toBeNull();
    send({ text: '95588', source: 'clipboard' });
    act(() => void dialog().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(screen.queryByRole('dialog', { name: 'Dial' }), 'Escape cancels too').toBeNull();
    expect(commands.dial).not.toHaveBeenCalled();
  });

  it('no longer offers Call once a call rings meanwhile (that Answer stays usable is end to end: happy-dom has no inertness)', () => {
    start();
    send({ text: '95588', source: 'link' });
    act(() => void phone.update({ id: 'in1', phase: 'ringing' }));
    expect(within(dialog()).queryByRole('button', { name: 'Call' })).toBeNull();
    expect(within(dialog()).getByText(/Finish the current call first/)).toBeTruthy();
  });

  it('says which policy rule refused a number, and offers no Call', () => {
    start({ allowedPatterns: [String.raw`1[3-9]\d{9}`, String.raw`0\d{9,11}`] });
    send({ text: '+852 2345 6789', source: 'address' });
    const alert = within(dialog()).getByRole('alert');
    expect(alert.textContent).toBe('Not dialled +85223456789 is not allowed by your IT policy: it matches none of the numbers in dial.allowedPatterns.');
    expect(within(dialog()).queryByRole('button', { name: 'Call' })).toBeNull();
  });

  it('says why junk is not a number, and why an unreadable clipboard gave nothing', () => {
    start();
    send({ text: 'Dear customer, thank you', source: 'clipboard' });
    expect(within(dialog()).getByRole('alert').textContent).toContain('This is not a phone number.');
    send({ text: '', source: 'clipboard', problem: 'clipboard-unreadable' });
    expect(within(dialog()).getByRole('alert').textContent).toContain('did not let Lingxi read the clipboard');
  });

  it('during a call offers Hold and call, never a plain Call, and dials only when chosen', async () => {
    start({ prefix: '9' });
    act(() => void phone.update({ id: 'c1', remoteNumber: '13911112222' }));
    send({ text: '010-8888 8888', source: 'link' });
    const box = dialog();
    expect(within(box).queryByRole('button', { name: 'Call' })).toBeNull();
    expect(within(box).getByText(/You are on a call with 13911112222/)).toBeTruthy();
    expect(within(box).getByText('Dialled as 901088888888')).toBeTruthy();
    expect(commands.dial).not.toHaveBeenCalled();
    await act(async () => within(box).getByRole('button', { name: 'Hold and call' }).click());
    expect(commands.holdAndDial).toHaveBeenCalledWith('c1', '901088888888');
    expect(commands.dial).not.toHaveBeenCalled();
  });

  it('with a call still connecting, neither dials nor holds: the agent finishes the call first', () => {
    start({ confirm: false });
    act(() => void phone.update({ id: 'c1', direction: 'outgoing', phase: 'connecting' }));
    send({ text: '95588', source: 'link' });
    expect(within(dialog()).getByText(/Finish the current call first/)).toBeTruthy();
    expect(within(dialog()).queryByRole('button', { name: /Call/ })).toBeNull();
    expect(commands.dial).not.toHaveBeenCalled();
  });

  it('with dial.confirm false dials a free phone at once, but still asks during a call', async () => {
    start({ confirm: false });
    send({ text: '400-820-8820', source: 'link' });
    await settle();
    expect(commands.dial).toHaveBeenCalledWith('4008208820');
    expect(screen.queryByRole('dialog', { name: 'Dial' })).toBeNull();
    act(() => void phone.update({ id: 'c1' }));
    send({ text: '95588', source: 'link' });
    expect(within(dialog()).getByRole('button', { name: 'Hold and call' })).toBeTruthy();
    expect(commands.dial).toHaveBeenCalledTimes(1);
  });

  it('shows the phone’s reason when the call cannot be placed, and keeps the dialog', async () => {
    start();
    send({ text: '95588', source: 'link' });
    commands.dial.mockResolvedValueOnce({ ok: false, error: 'not-registered' });
    await act(async () => within(dialog()).getByRole('button', { name: 'Call' }).click());
    expect(within(dialog()).getByRole('alert').textContent).toBe('The phone is not registered yet');
  });

  it('keys in the extension once the dialled call is answered', async () => {
    start();
    send({ text: 'tel:+86-10-8888-8888;ext=123', source: 'link' });
    expect(within(dialog()).getByText('123')).toBeTruthy();
    await act(async () => within(dialog()).getByRole('button', { name: 'Call' }).click());
    vi.useFakeTimers();
    act(() => void phone.update({ id: 'out1', direction: 'outgoing', phase: 'dialing' }));
    act(() => void phone.update({ id: 'out1', direction: 'outgoing', phase: 'active', answeredAt: 1 }));
    expect(commands.sendDtmf).not.toHaveBeenCalled();
    vi.advanceTimersByTime(EXTENSION_DELAY_MS);
    expect(commands.sendDtmf).toHaveBeenCalledWith('out1', '123');
  });

  it('speaks the agent’s language', async () => {
    await initI18n('zh-CN', messageBundles);
    start();
    send({ text: '95588', source: 'link' });
    const box = screen.getByRole('dialog', { name: '拨号' });
    expect(within(box).getByRole('button', { name: '呼叫' })).toBeTruthy();
    expect(within(box).getByRole('button', { name: '取消' })).toBeTruthy();
  });
});
