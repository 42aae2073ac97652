import { describe, expect, it } from 'vitest';
import { callbacksPolicySchema } from '@common/contract/policy-callbacks';
import { fitToHours, nextOpening, withinHours, type CallingHours } from '@renderer/features/callbacks/domain/calling-hours';
import { windowFor } from '@renderer/features/callbacks/domain/windows';
import { zonedParts, zonedToEpoch } from '@renderer/features/callbacks/domain/zoned-time';

const shanghai: CallingHours = callbacksPolicySchema.parse({}).hours;
const berlin: CallingHours = { ...shanghai, timeZone: 'Europe/Berlin' };
const newYork: CallingHours = { ...shanghai, timeZone: 'America/New_York' };
const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned time', () => {
  it('reads and writes wall-clock time in a named zone', () => {
    const ms = Date.parse('2026-12-07T17:45:00Z');
    expect(zonedParts(ms, 'Asia/Shanghai')).toEqual({ year: 2026, month: 12, day: 8, hour: 1, minute: 45, weekday: 2 });
    expect(iso(zonedToEpoch({ year: 2026, month: 12, day: 8, hour: 1, minute: 45 }, 'Asia/Shanghai'))).toBe('2026-12-07T17:45:00.000Z');
  });

  it('a time the clocks skip (spring forward) is taken as the same length after the change', () => {
    // Berlin, 29 March 2026: 02:00 CET → 03:00 CEST; 02:30 does not exist.
    expect(iso(zonedToEpoch({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedParts(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
  });

  it('a time the clocks show twice (fall back) is the first of the two', () => {
    // Berlin, 25 October 2026: 03:00 CEST → 02:00 CET; 02:30 happens twice, first at 00:30 UTC.
    expect(iso(zonedToEpoch({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('either side of a change uses that side\'s offset', () => {
    expect(iso(zonedToEpoch({ year: 2026, month: 3, day: 8, hour: 9, minute: 0 }, 'America/New_York'))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(zonedToEpoch({ year: 2026, month: 3, day: 7, hour: 9, minute: 0 }, 'America/New_York'))).toBe('2026-03-07T14:00:00.000Z');
  });
});

describe('calling and quiet hours', () => {
  it('no calls before 08:00 or from 21:00, in the bank\'s zone', () => {
    expect(withinHours(Date.parse('2026-12-07T00:00:00Z'), shanghai)).toBe(true); // 08:00 Shanghai
    expect(withinHours(Date.parse('2026-12-06T23:59:00Z'), shanghai)).toBe(false); // 07:59
    expect(withinHours(Date.parse('2026-12-07T12:59:00Z'), shanghai)).toBe(true); // 20:59
    expect(withinHours(Date.parse('2026-12-07T13:00:00Z'), shanghai)).toBe(false); // 21:00
  });

  it('a quiet-hours start moves to the next opening, the next day after 21:00', () => {
    // 22:30 Shanghai on Monday 7 Dec → 08:00 on Tuesday 8 Dec.
    expect(iso(nextOpening(Date.parse('2026-12-07T14:30:00Z'), shanghai))).toBe('2026-12-08T00:00:00.000Z');
    // 06:00 → 08:00 the same day.
    expect(iso(nextOpening(Date.parse('2026-12-06T22:00:00Z'), shanghai))).toBe('2026-12-07T00:00:00.000Z');
  });

  it('skips closed days', () => {
    const weekdays = { ...shanghai, days: [1, 2, 3, 4, 5] };
    // Saturday 12 Dec 10:00 Shanghai → Monday 14 Dec 08:00.
    expect(iso(nextOpening(Date.parse('2026-12-12T02:00:00Z'), weekdays))).toBe('2026-12-14T00:00:00.000Z');
  });

  it('opening time follows the zone across DST: 08:00 New York is 13:00 UTC in winter, 12:00 in summer', () => {
    expect(iso(nextOpening(Date.parse('2026-03-07T05:00:00Z'), newYork))).toBe('2026-03-07T13:00:00.000Z');
    expect(iso(nextOpening(Date.parse('2026-03-08T05:00:00Z'), newYork))).toBe('2026-03-08T12:00:00.000Z');
  });

  it('a window is kept when the customer asked for the time, even in the quiet hours', () => {
    const late = { startAt: Date.parse('2026-12-07T14:00:00Z'), endAt: Date.parse('2026-12-07T15:00:00Z') }; // 22:00–23:00
    expect(fitToHours(late, shanghai, true)).toEqual(late);
    expect(fitToHours(late, shanghai, false)).toEqual({ startAt: Date.parse('2026-12-08T00:00:00Z'), endAt: Date.parse('2026-12-08T01:00:00Z') });
  });

  it('a window running past closing time ends at closing time', () => {
    const evening = { startAt: Date.parse('2026-12-07T12:30:00Z'), endAt: Date.parse('2026-12-07T13:30:00Z') }; // 20:30–21:30
    expect(fitToHours(evening, shanghai, false)).toEqual({ startAt: evening.startAt, endAt: Date.parse('2026-12-07T13:00:00Z') });
  });
});

describe('the When presets', () => {
  const monday10 = Date.parse('2026-12-07T02:00:00Z'); // 10:00 Shanghai

  it('in 1 hour: an hour from now, an hour long', () => {
    expect(windowFor('in-1-hour', monday10, shanghai)).toEqual({ startAt: monday10 + 3_600_000, endAt: monday10 + 7_200_000 });
  });

  it('in 1 hour at 20:30 moves to 08:00 tomorrow', () => {
    const w = windowFor('in-1-hour', Date.parse('2026-12-07T12:30:00Z'), shanghai);
    expect(iso(w.startAt)).toBe('2026-12-08T00:00:00.000Z');
  });

  it('this afternoon is 14:00–17:00 local; after 17:00 it is tomorrow\'s', () => {
    const w = windowFor('this-afternoon', monday10, shanghai);
    expect([iso(w.startAt), iso(w.endAt)]).toEqual(['2026-12-07T06:00:00.000Z', '2026-12-07T09:00:00.000Z']);
    const late = windowFor('this-afternoon', Date.parse('2026-12-07T10:00:00Z'), shanghai); // 18:00
    expect(iso(late.startAt)).toBe('2026-12-08T06:00:00.000Z');
  });

  it('tomorrow morning across the spring change in Berlin is 09:00 CEST', () => {
    const w = windowFor('tomorrow-morning', Date.parse('2026-03-28T10:00:00Z'), berlin);
    expect([iso(w.startAt), iso(w.endAt)]).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-29T10:00:00.000Z']);
  });

  it('a picked time is read in the bank\'s zone, not the desk\'s', () => {
    const w = windowFor('custom', monday10, shanghai, { custom: '2026-12-09T15:00' });
    expect(iso(w.startAt)).toBe('2026-12-09T07:00:00.000Z');
  });

  it('a picked time in the quiet hours moves, unless the customer asked for it', () => {
    expect(iso(windowFor('custom', monday10, shanghai, { custom: '2026-12-09T07:00' }).startAt)).toBe('2026-12-09T00:00:00.000Z');
    expect(iso(windowFor('custom', monday10, shanghai, { custom: '2026-12-09T07:00', customerAsked: true }).startAt)).toBe('2026-12-08T23:00:00.000Z');
  });
});
