import { describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import { parsePolicy, type Policy } from '@common/contract/policy';
import type { DeskPolicy, SignInCredentials } from '@common/contract/sign-in';
import { createAppStore } from '@renderer/app/store';
import type { CredentialCheck } from '@renderer/features/phone';
import { signInAgent } from '@renderer/features/sign-in';
import { submitSignIn } from '@renderer/features/sign-in/sign-in-service';

function templatePolicy(rememberPassword: boolean): Policy {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], uriTemplate: 'sip:{agentId}@127.0.0.1', rememberPassword } }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

function fakeHost(kept: SignInCredentials | null, kind: LingxiApi['host'] = 'electron') {
  const signIn = {
    signedIn: vi.fn(async (_c: SignInCredentials, remember: boolean) => ({ remembered: remember })),
    remembered: vi.fn(async () => kept),
    signedOut: vi.fn(async () => undefined),
  };
  return { host: { host: kind, signIn } as unknown as LingxiApi, signIn };
}

/** A registrar that knows one password per agent. */
function registrar(passwords: Record<string, string>) {
  return vi.fn(async (policy: DeskPolicy): Promise<CredentialCheck> => {
    const user = /^sip:([^@]+)@/.exec(policy.sip.uri)?.[1] ?? '';
    return passwords[user] === policy.sip.password ? { ok: true } : { ok: false, reason: 'auth', status: 401 };
  });
}

describe('signInAgent', () => {
  it('a kept password the registrar still takes signs in without the form', async () => {
    const store = createAppStore();
    const { host, signIn } = fakeHost({ agentId: '1001', password: 'pass1001' });
    const desk = await signInAgent(templatePolicy(true), { host, store, check: registrar({ 1001: 'pass1001' }) });
    expect(desk.sip.uri).toBe('sip:1001@127.0.0.1');
    expect(store.getState().signIn).toEqual({ status: 'signed-in', agentId: '1001' });
    expect(signIn.signedIn).toHaveBeenCalledWith({ agentId: '1001', password: 'pass1001' }, true);
  });

  it('a kept password that is refused is forgotten and the form says so; a wrong one stays on the form; the right one resolves', async () => {
    const store = createAppStore();
    const { host, signIn } = fakeHost({ agentId: '1001', password: 'old' });
    const check = registrar({ 1001: 'pass1001' });
    const signedIn = signInAgent(templatePolicy(true), { host, store, check });
    await vi.waitFor(() => expect(store.getState().signIn).toMatchObject({ status: 'form', agentId: '1001', error: 'saved-refused', mayRemember: true }));
    expect(signIn.signedOut).toHaveBeenCalled();

    await submitSignIn({ agentId: 'not an id', password: 'x' }, false);
    expect(store.getState().signIn).toMatchObject({ status: 'form', error: 'agent-id' });
    await submitSignIn({ agentId: '1001', password: 'wrong' }, false);
    expect(store.getState().signIn).toMatchObject({ status: 'form', checking: false, error: 'auth' });
    await submitSignIn({ agentId: '1001', password: 'pass1001' }, true);
    expect((await signedIn).sip).toMatchObject({ uri: 'sip:1001@127.0.0.1', password: 'pass1001' });
    expect(signIn.signedIn).toHaveBeenLastCalledWith({ agentId: '1001', password: 'pass1001' }, true);
  });

  it('the browser host never offers to keep the password, whatever the policy says', async () => {
    const store = createAppStore();
    const { host, signIn } = fakeHost(null, 'browser');
    const signedIn = signInAgent(templatePolicy(true), { host, store, check: registrar({ A7: 'pw' }) });
    await vi.waitFor(() => expect(store.getState().signIn).toMatchObject({ status: 'form', mayRemember: false }));
    await submitSignIn({ agentId: 'A7', password: 'pw' }, true);
    await signedIn;
    expect(signIn.signedIn).toHaveBeenCalledWith({ agentId: 'A7', password: 'pw' }, false);
  });
});
