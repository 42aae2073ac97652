import { beforeEach, describe, expect, it } from 'vitest';
import { getDb, resetDbForTests } from '@renderer/db/db';
import type { CallHistoryEntry, CallQualitySummary } from '@renderer/db/schema';
import { attachQuality } from '@renderer/features/quality/quality-repo';

const entry: CallHistoryEntry = {
  id: 'call-1',
  direction: 'incoming',
  number: '1002',
  displayName: 'Customer',
  startedAt: 1_000,
  answeredAt: 2_000,
  endedAt: 32_000,
  durationMs: 30_000,
  outcome: 'answered',
  cause: 'Terminated',
};
const summary: CallQualitySummary = {
  samples: 14,
  mosAverage: 3.9,
  mosMin: 3.1,
  lossMaxPercent: 10.5,
  jitterMaxMs: 28,
  rttMaxMs: 130,
  warned: true,
};

const stored = (): Promise<CallHistoryEntry | undefined> => getDb().callHistory.get(entry.id);

describe('quality-repo attachQuality', () => {
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
  });

  it('adds the summary to a history row that is already saved', async () => {
    await getDb().callHistory.put(entry);
    await attachQuality(entry.id, summary);
    expect(await stored()).toEqual({ ...entry, quality: summary });
  });

  it('adds the summary when the phone saves the row afterwards', async () => {
    await attachQuality(entry.id, summary);
    expect(await stored()).toBeUndefined(); // nothing invented: the row is the phone's to create
    await getDb().callHistory.put(entry);
    expect((await stored())?.quality).toEqual(summary);
  });

  it('is not lost when both writes are in flight at once, in either order', async () => {
    await Promise.all([attachQuality(entry.id, summary), getDb().callHistory.put({ ...entry })]);
    expect((await stored())?.quality).toEqual(summary);
    await getDb().callHistory.delete(entry.id);
    await Promise.all([getDb().callHistory.put({ ...entry }), attachQuality(entry.id, summary)]);
    expect((await stored())?.quality).toEqual(summary);
  });

  it('survives a later whole-row put from a copy without it, and merges with wrap-up', async () => {
    await getDb().callHistory.put(entry);
    await attachQuality(entry.id, summary);
    await getDb().callHistory.put({ ...entry, wrapUp: { code: 'lost-card', notes: '' } });
    await getDb().callHistory.update(entry.id, { wrapUp: { code: 'fraud', notes: 'x' } });
    expect(await stored()).toEqual({ ...entry, quality: summary, wrapUp: { code: 'fraud', notes: 'x' } });
  });
});
