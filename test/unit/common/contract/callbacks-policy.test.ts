import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@common/contract/policy';

const base = { sip: { servers: ['wss://sbc.bank.example'], uriTemplate: 'sip:{agentId}@cc.bank.example' } };

describe('callbacks policy', () => {
  it('defaults: four reasons, 08:00–21:00 Shanghai every day, retries after 30 min, 2 h, 1 day, dropped calls after 5 min, no sync', () => {
    const result = parsePolicy(base, 'test');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { callbacks } = result.policy;
    expect(callbacks.reasons.map((r) => r.code)).toEqual(['queue-full', 'back-office', 'customer-asked', 'dropped']);
    expect(callbacks.hours).toEqual({ timeZone: 'Asia/Shanghai', start: '08:00', end: '21:00', days: [1, 2, 3, 4, 5, 6, 7] });
    expect(callbacks.retryMinutes).toEqual([30, 120, 1440]);
    expect(callbacks.droppedCallMinutes).toBe(5);
    expect(callbacks.syncUrl).toBeUndefined();
  });

  it('names each wrong key with its path: unknown zone, bad time, hours backwards, plain-http sync, duplicate codes', () => {
    const wrong = parsePolicy(
      {
        ...base,
        callbacks: {
          reasons: [{ code: 'a', label: { en: 'A' } }, { code: 'a', label: { en: 'B' } }],
          hours: { timeZone: 'Mars/Olympus', start: '07:5' },
          syncUrl: 'http://callbacks.bank.example/sync',
          retryMinutes: [0],
        },
      },
      'test',
    );
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.path).sort()).toEqual([
      'callbacks.hours.start',
      'callbacks.hours.timeZone',
      'callbacks.reasons',
      'callbacks.retryMinutes[0]',
      'callbacks.syncUrl',
    ]);
    const backwards = parsePolicy({ ...base, callbacks: { hours: { start: '21:00', end: '08:00' } } }, 'test');
    expect(backwards.ok ? [] : backwards.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['callbacks.hours: start must be before end']);
  });

  it('a wrap-up code may say it needs a follow-up (the default "follow-up" does); the flag is a boolean, other keys are refused', () => {
    const result = parsePolicy({ ...base, agent: { wrapUp: { codes: [{ code: 'promise', label: { en: 'Promised a call' }, followUp: true }, { code: 'done', label: { en: 'Done' } }] } } }, 'test');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.policy.agent.wrapUp.codes.map((c) => [c.code, c.followUp ?? false])).toEqual([['promise', true], ['done', false]]);
    const defaults = parsePolicy(base, 'test');
    expect(defaults.ok && defaults.policy.agent.wrapUp.codes.filter((c) => c.followUp).map((c) => c.code)).toEqual(['follow-up']);
    const wrong = parsePolicy({ ...base, agent: { wrapUp: { codes: [{ code: 'x', label: { en: 'X' }, followUp: 'yes', callback: true }] } } }, 'test');
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.path).sort()).toEqual(['agent.wrapUp.codes[0].callback', 'agent.wrapUp.codes[0].followUp']);
  });
});
