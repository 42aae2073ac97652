import { describe, expect, it } from 'vitest';
import { agentEventBodySchema } from '@common/contract/supervision-event';
import { describeDesk, maskName, type DeskCall, type DeskInput } from '@renderer/features/supervision/board/desk-report';

const call = (patch: Partial<DeskCall> = {}): DeskCall => ({
  id: 'js-1',
  sipCallId: 'call-1@host',
  direction: 'incoming',
  phase: 'active',
  startedAt: 100,
  answeredAt: 200,
  heldLocally: false,
  ...patch,
});
const input = (patch: Partial<DeskInput> = {}): DeskInput => ({ agent: { kind: 'ready', since: 50 }, calls: [], alerts: [], ...patch });

describe('what the agent\'s desktop reports', () => {
  it('masks customer names to one character', () => {
    expect(maskName('张三丰')).toBe('张*');
    expect(maskName(' John Smith')).toBe('J*');
    expect(maskName('')).toBeUndefined();
  });

  it('Ready and Not ready with the reason label', () => {
    expect(describeDesk(input())).toEqual({ state: 'ready', sinceMs: 50, alerts: [] });
    expect(describeDesk(input({ agent: { kind: 'not-ready', since: 60, reason: 'lunch' }, reasonLabel: 'Lunch' }))).toEqual({ state: 'not-ready', reason: 'Lunch', sinceMs: 60, alerts: [] });
  });

  it('a ringing call shows as Ringing since it started', () => {
    expect(describeDesk(input({ calls: [call({ phase: 'ringing', answeredAt: undefined })] }))).toMatchObject({ state: 'ringing', sinceMs: 100, call: { id: 'call-1@host', startedAtMs: 100 } });
  });

  it('on a call: the SIP Call-ID, CTI queue and intent, masked customer, flags, quality; nothing else about the customer', () => {
    const report = describeDesk(
      input({
        agent: { kind: 'on-call', since: 200 },
        calls: [call({ queue: 'cards', intent: 'lost-card', customerName: '王小明', vip: true, elderly: true, quality: 'fair' })],
      }),
    );
    expect(report).toEqual({
      state: 'on-call',
      sinceMs: 200,
      call: { id: 'call-1@host', direction: 'incoming', startedAtMs: 200, queue: 'cards', intent: 'lost-card', customer: '王*', vip: true, elderly: true, quality: 'fair' },
      alerts: [],
    });
    expect(agentEventBodySchema.safeParse({ v: 1, seq: 1, sentAtMs: 300, ...report }).success).toBe(true);
  });

  it('a held call is On hold, since it went on hold', () => {
    expect(describeDesk(input({ agent: { kind: 'on-call', since: 200 }, calls: [call({ heldLocally: true })] }), 900)).toMatchObject({ state: 'on-hold', sinceMs: 900 });
  });

  it('with two lines, the call the agent works is the one shown', () => {
    const report = describeDesk(input({ agent: { kind: 'on-call', since: 200 }, calls: [call({ heldLocally: true }), call({ id: 'js-2', sipCallId: 'call-2@host' })] }));
    expect(report).toMatchObject({ state: 'on-call', call: { id: 'call-2@host' } });
  });
});
