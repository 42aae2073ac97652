import { describe, expect, it } from 'vitest';
import { compareVersions, parseRange, parseVersion } from '@common/updates/version-range';

const matches = (range: string, version: string): boolean => {
  const test = parseRange(range);
  const parsed = parseVersion(version);
  if (!test || !parsed) throw new Error(`bad input ${range} / ${version}`);
  return test(parsed);
};

describe('versions and ranges of the kill switch', () => {
  it('orders versions by semver precedence, prereleases before their release', () => {
    const order = ['1.4.2-pilot.1', '1.4.2-pilot.2', '1.4.2-pilot.10', '1.4.2', '1.4.10', '1.10.0', '2.0.0'];
    const parsed = (text: string) => parseVersion(text) ?? { major: -1, minor: 0, patch: 0, prerelease: [] };
    const sorted = [...order].reverse().sort((a, b) => compareVersions(parsed(a), parsed(b)));
    expect(sorted).toEqual(order);
  });

  it('matches exact versions, comparators, x-ranges and alternatives', () => {
    expect(matches('1.4.2', '1.4.2')).toBe(true);
    expect(matches('1.4.2', '1.4.3')).toBe(false);
    expect(matches('>=1.4.0 <1.4.3', '1.4.2')).toBe(true);
    expect(matches('>= 1.4.0 < 1.4.3', '1.4.3')).toBe(false);
    expect(matches('1.4.x', '1.4.9')).toBe(true);
    expect(matches('1.4.*', '1.5.0')).toBe(false);
    expect(matches('1.x', '1.9.9')).toBe(true);
    expect(matches('1.x', '2.0.0')).toBe(false);
    expect(matches('1.4.2 || 1.4.5', '1.4.5')).toBe(true);
    expect(matches('1.4.2 || 1.4.5', '1.4.4')).toBe(false);
  });

  it('never lets a prerelease slip past a range (unlike node-semver)', () => {
    expect(matches('<1.5.0', '1.5.0-pilot.2')).toBe(true);
    expect(matches('1.5.x', '1.5.0-pilot.2')).toBe(false);
    expect(matches('1.4.x', '1.5.0-pilot.2')).toBe(false);
  });

  it('rejects what is not a version or a range', () => {
    expect(parseVersion('1.4')).toBeUndefined();
    expect(parseRange('latest')).toBeUndefined();
    expect(parseRange('>=1.4')).toBeUndefined();
    expect(parseRange('1.4.2 ||')).toBeUndefined();
  });
});
