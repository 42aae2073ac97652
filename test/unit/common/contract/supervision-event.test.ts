import { describe, expect, it } from 'vitest';
import { agentEventBodySchema, parseAgentEvent, type AgentEventBody } from '@common/contract/supervision-event';

const body: AgentEventBody = {
  v: 1,
  seq: 7,
  sentAtMs: 1_765_000_002_000,
  state: 'on-call',
  sinceMs: 1_765_000_000_000,
  call: { id: 'a84b4c76e66710@pc33', direction: 'incoming', startedAtMs: 1_765_000_000_000, queue: 'cards', intent: 'lost-card', customer: '张*', vip: true, quality: 'good' },
  alerts: [{ id: 'k1', kind: 'keyword', atMs: 1_765_000_001_000 }],
};

describe('the lingxi-agent event body (v1)', () => {
  it('reads a documented body back unchanged', () => {
    expect(parseAgentEvent(JSON.stringify(body))).toEqual({ ok: true, body });
  });

  it('refuses an unmasked customer name: the board never carries one', () => {
    const named = { ...body, call: { ...body.call, customer: '张三' } };
    const parsed = parseAgentEvent(JSON.stringify(named));
    expect(parsed).toEqual({ ok: false, problem: expect.stringMatching(/^call\.customer: must be masked/) });
  });

  it('refuses fields it does not document (an account number has no place in it)', () => {
    const parsed = parseAgentEvent(JSON.stringify({ ...body, call: { ...body.call, account: '6222020200112233445' } }));
    expect(parsed.ok).toBe(false);
  });

  it('names the version it cannot read rather than guessing', () => {
    expect(parseAgentEvent(JSON.stringify({ ...body, v: 2 }))).toEqual({ ok: false, problem: 'unknown lingxi-agent body version 2 (this desktop reads 1)' });
    expect(parseAgentEvent('<xml/>')).toEqual({ ok: false, problem: 'the body is not JSON' });
  });

  it('keeps alert text optional and bounded, and at most 20 alerts', () => {
    expect(agentEventBodySchema.safeParse({ ...body, alerts: [{ id: 'x', kind: 'keyword', atMs: 1, text: 'x'.repeat(501) }] }).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), kind: 'pci', atMs: i }));
    expect(agentEventBodySchema.safeParse({ ...body, alerts: many }).success).toBe(false);
    expect(agentEventBodySchema.safeParse({ ...body, state: 'lunch' }).success).toBe(false);
  });
});
