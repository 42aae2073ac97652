import { describe, expect, it } from 'vitest';
import { agentEventBodySchema } from '@common/contract/supervision-event';
import { describeDesk, type DeskInput } from '@renderer/features/supervision/board/desk-report';

const input = (patch: Partial<DeskInput> = {}): DeskInput => ({ agent: { kind: 'ready', since: 50 }, calls: [], alerts: [], ...patch });

describe('the team board\'s overdue callbacks (issue 27)', () => {
  it('the desk reports its overdue callbacks only when there are some, and the lead\'s schema reads them', () => {
    expect(describeDesk(input({ overdueCallbacks: 0 }))).not.toHaveProperty('overdueCallbacks');
    const report = describeDesk(input({ overdueCallbacks: 3 }));
    expect(report).toMatchObject({ overdueCallbacks: 3 });
    expect(agentEventBodySchema.safeParse({ v: 1, seq: 1, sentAtMs: 1, ...report }).success).toBe(true);
    expect(agentEventBodySchema.safeParse({ v: 1, seq: 1, sentAtMs: 1, ...report, overdueCallbacks: -1 }).success).toBe(false);
  });
});
