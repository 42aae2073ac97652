import { describe, expect, it } from 'vitest';
import { formatDuration, formatOffset } from '@renderer/ui/format';

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
