/**
 * The customer's own preferred calling time (CRM profile `callPreference`): the format and what a bad value
 * does to the screen pop (nothing but one log line), and its next slot in the bank's time zone, across DST.
 */
import { describe, expect, it } from 'vitest';
import { callbacksPolicySchema } from '@common/contract/policy-callbacks';
import { crmMappingSchema } from '@common/contract/policy';
import { describeCallPreference, formatCallPreference, parseCallPreference } from '@common/crm/call-preference';
import { mapCrmDocument } from '@common/crm/crm-mapping';
import type { CallingHours } from '@renderer/features/callbacks/domain/calling-hours';
import { nextPreferredWindow } from '@renderer/features/callbacks/domain/preferred-window';
import { applyOutcome } from '@renderer/features/callbacks/domain/callback-rules';
import type { StoredCallback } from '@renderer/db/schema';

const shanghai: CallingHours = callbacksPolicySchema.parse({}).hours;
const newYork: CallingHours = { ...shanghai, timeZone: 'America/New_York' };
const iso = (ms: number) => new Date(ms).toISOString();
const span = (w: { startAt: number; endAt: number } | null) => (w ? [iso(w.startAt), iso(w.endAt)] : null);
const preference = (text: string) => {
  const parsed = parseCallPreference(text);
  if (!parsed) throw new Error(`not a preference: ${text}`);
  return parsed;
};

describe('the preferred calling time format', () => {
  it('reads a span, after, before, and weekdays, and writes them back canonically', () => {
    expect(parseCallPreference('15:00-18:00')).toEqual({ from: '15:00', to: '18:00' });
    expect(parseCallPreference(' 9:30 – 11:00 ')).toEqual({ from: '09:30', to: '11:00' });
    expect(parseCallPreference('After 15:00')).toEqual({ from: '15:00' });
    expect(parseCallPreference('before 11:00')).toEqual({ to: '11:00' });
    expect(parseCallPreference('Mon-Fri 15:00~18:00')).toEqual({ days: [1, 2, 3, 4, 5], from: '15:00', to: '18:00' });
    expect(parseCallPreference('sat, sun after 10:00')).toEqual({ days: [6, 7], from: '10:00' });
    expect(formatCallPreference(preference('mon,wed-fri 15:00–18:00'))).toBe('Mon,Wed-Fri 15:00-18:00');
    expect(formatCallPreference(preference('after 15:00'))).toBe('after 15:00');
    expect(formatCallPreference(preference('Sat before 9:00'))).toBe('Sat before 09:00');
  });

  it('refuses anything else', () => {
    for (const bad of ['3 pm', 'afternoons', '18:00-15:00', '25:00-26:00', '15:00-15:00', 'Funday 15:00-18:00', 'Fri-Mon 15:00-18:00', 'after', 'after 24:00', 'before 00:00', '15:00-18:00 please', '', 'x'.repeat(80)]) {
      expect(parseCallPreference(bad), bad).toBeNull();
    }
    expect(parseCallPreference(1500)).toBeNull();
    expect(parseCallPreference({ from: '15:00' })).toBeNull();
  });

  it('reads for people in the UI language, weekday names from Intl', () => {
    const en = { after: (t: string) => `after ${t}`, before: (t: string) => `before ${t}`, listSeparator: ', ' };
    const zh = { after: (t: string) => `${t} 以后`, before: (t: string) => `${t} 以前`, listSeparator: '、' };
    expect(describeCallPreference(preference('Mon-Fri 15:00-18:00'), 'en', en)).toBe('Mon–Fri 15:00–18:00');
    expect(describeCallPreference(preference('Sat,Sun after 10:00'), 'en', en)).toBe('Sat, Sun after 10:00');
    expect(describeCallPreference(preference('Mon-Fri 15:00-18:00'), 'zh-CN', zh)).toBe('周一至周五 15:00–18:00');
    expect(describeCallPreference(preference('before 11:00'), 'zh-CN', zh)).toBe('11:00 以前');
  });
});

describe('the preference in the CRM answer', () => {
  const mapping = crmMappingSchema.parse({ callPreference: 'prefs.callTime' });

  it('lands on the profile in canonical form', () => {
    const result = mapCrmDocument({ id: 'C1', name: 'Wang Fang', prefs: { callTime: 'after 15:00' } }, mapping);
    expect(result).toMatchObject({ ok: true, profiles: [{ id: 'C1', callPreference: 'after 15:00' }] });
    expect(result.ok && result.ignored).toBeUndefined();
  });

  it('a value in another format is left out with a note, and the profile still shows', () => {
    const result = mapCrmDocument({ id: 'C1', name: 'Wang Fang', prefs: { callTime: 'afternoons, not Mondays' } }, mapping);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profiles).toHaveLength(1);
    expect(result.profiles[0]?.callPreference).toBeUndefined();
    // Named, never quoted: the value may be personal.
    expect(result.ignored).toEqual(['callPreference is not a calling time such as "15:00-18:00" or "after 15:00": left out']);
  });

  it('names the match among several', () => {
    const result = mapCrmDocument([{ id: 'C1', name: 'A', prefs: { callTime: '15:00-18:00' } }, { id: 'C2', name: 'B', prefs: { callTime: 42 } }], mapping);
    expect(result).toMatchObject({ ok: true, ignored: [expect.stringMatching(/^match 2: callPreference /)] });
  });
});

describe('the next slot of a preference', () => {
  const monday10 = Date.parse('2026-12-07T02:00:00Z'); // 10:00 Shanghai, Monday

  it('today\'s slot when it is still ahead, cut to now when it is open, tomorrow\'s when under 15 min are left', () => {
    expect(span(nextPreferredWindow(preference('15:00-18:00'), monday10, shanghai))).toEqual(['2026-12-07T07:00:00.000Z', '2026-12-07T10:00:00.000Z']);
    const at16 = Date.parse('2026-12-07T08:00:00Z');
    expect(span(nextPreferredWindow(preference('15:00-18:00'), at16, shanghai))).toEqual([iso(at16), '2026-12-07T10:00:00.000Z']);
    expect(span(nextPreferredWindow(preference('15:00-18:00'), Date.parse('2026-12-07T09:50:00Z'), shanghai))).toEqual(['2026-12-08T07:00:00.000Z', '2026-12-08T10:00:00.000Z']);
  });

  it('an open end is closed by the calling hours', () => {
    expect(span(nextPreferredWindow(preference('after 15:00'), monday10, shanghai))).toEqual(['2026-12-07T07:00:00.000Z', '2026-12-07T13:00:00.000Z']); // 15:00–21:00
    expect(span(nextPreferredWindow(preference('before 9:00'), monday10, shanghai))).toEqual(['2026-12-08T00:00:00.000Z', '2026-12-08T01:00:00.000Z']); // 08:00–09:00 tomorrow
    expect(nextPreferredWindow(preference('after 22:00'), monday10, shanghai)).toBeNull();
  });

  it('times the customer named are kept in the quiet hours', () => {
    expect(span(nextPreferredWindow(preference('20:00-22:00'), monday10, shanghai))).toEqual(['2026-12-07T12:00:00.000Z', '2026-12-07T14:00:00.000Z']);
  });

  it('keeps to the named weekdays, else to the calling days', () => {
    expect(span(nextPreferredWindow(preference('Sat,Sun 10:00-12:00'), monday10, shanghai))).toEqual(['2026-12-12T02:00:00.000Z', '2026-12-12T04:00:00.000Z']);
    const weekdays = { ...shanghai, days: [1, 2, 3, 4, 5] };
    const saturday = Date.parse('2026-12-12T02:00:00Z');
    expect(span(nextPreferredWindow(preference('15:00-18:00'), saturday, weekdays))).toEqual(['2026-12-14T07:00:00.000Z', '2026-12-14T10:00:00.000Z']);
  });

  it('follows the bank\'s zone across the spring change: 15:00 New York is 20:00 UTC on Saturday, 19:00 on Sunday', () => {
    const saturdayEvening = Date.parse('2026-03-07T23:30:00Z'); // 18:30 EST, after Saturday's slot
    expect(span(nextPreferredWindow(preference('15:00-18:00'), Date.parse('2026-03-07T15:00:00Z'), newYork))).toEqual(['2026-03-07T20:00:00.000Z', '2026-03-07T23:00:00.000Z']);
    expect(span(nextPreferredWindow(preference('15:00-18:00'), saturdayEvening, newYork))).toEqual(['2026-03-08T19:00:00.000Z', '2026-03-08T22:00:00.000Z']);
  });

  it('a callback that follows a preference is retried in its next slot after the wait', () => {
    const callback: StoredCallback = {
      id: 'cb1', number: '1002', reason: 'customer-asked', note: '', customerAsked: true, preference: '15:00-18:00', status: 'open', attempts: 0,
      windowStart: Date.parse('2026-12-07T07:00:00Z'), windowEnd: Date.parse('2026-12-07T10:00:00Z'), createdAt: monday10, updatedAt: monday10, dirty: false,
    };
    const at1730 = Date.parse('2026-12-07T09:30:00Z');
    // Retry in 30 min: 18:00 is past today's slot, so tomorrow 15:00–18:00 (not 18:00–19:00 as the plain plan would).
    const moved = applyOutcome(callback, 'no-answer', at1730, { retryMinutes: [30], hours: shanghai });
    expect(span({ startAt: moved.windowStart, endAt: moved.windowEnd })).toEqual(['2026-12-08T07:00:00.000Z', '2026-12-08T10:00:00.000Z']);
    const { preference: _preference, ...withoutPreference } = callback;
    const plain = applyOutcome(withoutPreference, 'no-answer', at1730, { retryMinutes: [30], hours: shanghai });
    expect(iso(plain.windowStart)).toBe('2026-12-07T10:00:00.000Z');
  });
});
