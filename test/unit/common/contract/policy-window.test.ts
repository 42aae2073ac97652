import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { policyLeafKind } from '@main/features/policy/schema-leaf';

const base = { sip: { servers: ['wss://sbc.bank.example'], uriTemplate: 'sip:{agentId}@cc.bank.example' } };

describe('window policy', () => {
  it('defaults: close to the tray, raise the window for a call, start on login', () => {
    const result = parsePolicy(base, 'test');
    expect(result.ok && { window: result.policy.window, startOnLogin: result.policy.startOnLogin }).toEqual({
      window: { closeToTray: true, raiseOnIncoming: true },
      startOnLogin: true,
    });
  });

  it('takes IT\'s choices and refuses unknown keys and wrong types with their paths', () => {
    const chosen = parsePolicy({ ...base, window: { closeToTray: false, raiseOnIncoming: false }, startOnLogin: false }, 'test');
    expect(chosen.ok && chosen.policy.window).toEqual({ closeToTray: false, raiseOnIncoming: false });
    expect(chosen.ok && chosen.policy.startOnLogin).toBe(false);
    const wrong = parsePolicy({ ...base, window: { closeToTray: 'yes', minimiseToTray: true }, startOnLogin: 1 }, 'test');
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.path).sort()).toEqual(['startOnLogin', 'window.closeToTray', 'window.minimiseToTray']);
  });

  it('IT can set each key as a registry value of its own (REG_DWORD 0/1)', () => {
    expect(['window.closeToTray', 'window.raiseOnIncoming', 'startOnLogin'].map(policyLeafKind)).toEqual(['boolean', 'boolean', 'boolean']);
  });
});
