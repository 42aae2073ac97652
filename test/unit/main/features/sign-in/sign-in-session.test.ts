import { describe, expect, it, vi } from 'vitest';
import { parsePolicy, type Policy } from '@common/contract/policy';
import { createSignInSession, type CredentialStore } from '@main/features/sign-in/sign-in-session';

function policy(sip: Record<string, unknown>): Policy {
  const result = parsePolicy({ sip: { servers: ['ws://127.0.0.1:8080'], ...sip } }, 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy;
}

function memoryStore(initial: string | null = null) {
  let value = initial;
  const store: CredentialStore = {
    get: vi.fn(async () => value),
    set: vi.fn(async (_name, next) => {
      value = next;
      return { stored: next !== null, protection: 'os' as const, persistence: 'kept' as const };
    }),
  };
  return { store, value: () => value };
}

const log = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const template = { uriTemplate: 'sip:{agentId}@pbx.bank.example' };

describe('main keeps the sign-in only where the policy allows', () => {
  it('keeps the password with rememberPassword and the agent’s tick, hands it back, forgets it at sign-out', async () => {
    const { store, value } = memoryStore();
    const session = createSignInSession({ store, policy: () => policy({ ...template, rememberPassword: true }), log });
    expect(await session.signedIn({ agentId: 'A7731', password: 'pw' }, true)).toEqual({ remembered: true });
    expect(session.signedInUri()).toBe('sip:A7731@pbx.bank.example');
    expect(await session.remembered()).toEqual({ agentId: 'A7731', password: 'pw' });
    await session.signedOut();
    expect(value()).toBeNull();
    expect(session.signedInUri()).toBeUndefined();
    expect(await session.remembered()).toBeNull();
  });

  it('never keeps it without rememberPassword, and deletes one kept under an earlier policy', async () => {
    const { store, value } = memoryStore(JSON.stringify({ agentId: 'A1', password: 'old' }));
    const session = createSignInSession({ store, policy: () => policy(template), log });
    expect(await session.remembered()).toBeNull();
    expect(value()).toBeNull();
    expect(await session.signedIn({ agentId: 'A1', password: 'pw' }, true)).toEqual({ remembered: false });
    expect(value()).toBeNull();
  });

  it('a fixed-agent policy has no sign-in to keep; a damaged kept sign-in is deleted and logged', async () => {
    const fixed = createSignInSession({ store: memoryStore().store, policy: () => policy({ uri: 'sip:1001@pbx', password: 'x', rememberPassword: true }), log });
    expect(await fixed.signedIn({ agentId: 'A1', password: 'pw' }, true)).toEqual({ remembered: false });
    expect(fixed.signedInUri()).toBeUndefined();

    const { store, value } = memoryStore('{"agentId":"a b"}');
    const session = createSignInSession({ store, policy: () => policy({ ...template, rememberPassword: true }), log });
    expect(await session.remembered()).toBeNull();
    expect(value()).toBeNull();
    expect(log.warn).toHaveBeenCalledWith('the kept sign-in is not readable; it was deleted');
  });
});
