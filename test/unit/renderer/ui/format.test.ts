import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDuration, formatNumber, formatOffset, formatTime, formatWhen } from '@renderer/ui/format';

describe('formatDuration', () => {
  it('mm:ss, h:mm:ss past an hour, whole seconds down', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_999)).toBe('01:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
});

describe('formatOffset', () => {
  it('to the nearest tenth of a second, not rounded down', () => {
    expect(formatOffset(3_460)).toBe('00:03.5');
    expect(formatOffset(3_440)).toBe('00:03.4');
    expect(formatOffset(3_000)).toBe('00:03.0');
    expect(formatOffset(0)).toBe('00:00.0');
  });
  it('carries a tenth that rounds up into the next second and minute', () => {
    expect(formatOffset(59_960)).toBe('01:00.0');
    expect(formatOffset(3_599_990)).toBe('1:00:00.0');
  });
  it('a negative offset reads as the start', () => {
    expect(formatOffset(-40)).toBe('00:00.0');
  });
});

describe('dates, times and numbers in the UI language', () => {
  const now = new Date(2026, 11, 6, 21, 0).getTime();
  const evening = new Date(2026, 11, 6, 19, 49).getTime();
  it('one 24-hour clock in every language: today’s calls show the time alone', () => {
    expect(formatWhen(evening, 'en', now)).toBe('19:49');
    expect(formatWhen(evening, 'zh-CN', now)).toBe('19:49');
    expect(formatTime(evening, 'zh-TW')).toBe('19:49');
  });
  it('older ones add month and day, and the year only when it is not this one', () => {
    expect(formatWhen(new Date(2026, 10, 30, 8, 5).getTime(), 'zh-CN', now)).toMatch(/^11\/30 08:05$/);
    expect(formatWhen(new Date(2026, 10, 30, 8, 5).getTime(), 'en', now)).toMatch(/^11\/30, 08:05$/);
    expect(formatWhen(new Date(2025, 10, 30, 8, 5).getTime(), 'zh-CN', now)).toMatch(/^2025\/11\/30 08:05$/);
  });
  it('numbers and money the language’s way', () => {
    expect(formatNumber(1234.5, 'zh-CN')).toBe('1,234.5');
    expect(formatCurrency(1234.5, 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatCurrency(1234.5, 'TWD', 'zh-TW')).toBe('$1,234.50');
  });
});
