import { describe, expect, it } from 'vitest';
import { isInInstallWindow } from '@common/updates/install-window';
import { updatesPolicySchema } from '@common/contract/policy-updates';

const at = (hours: number, minutes: number) => new Date(2026, 11, 7, hours, minutes);

describe('the install window (local time)', () => {
  it('starts inclusive and ends exclusive', () => {
    expect(isInInstallWindow('02:00-05:00', at(1, 59))).toBe(false);
    expect(isInInstallWindow('02:00-05:00', at(2, 0))).toBe(true);
    expect(isInInstallWindow('02:00-05:00', at(4, 59))).toBe(true);
    expect(isInInstallWindow('02:00-05:00', at(5, 0))).toBe(false);
  });

  it('crosses midnight when the end is before the start', () => {
    expect(isInInstallWindow('22:00-02:00', at(21, 59))).toBe(false);
    expect(isInInstallWindow('22:00-02:00', at(23, 30))).toBe(true);
    expect(isInInstallWindow('22:00-02:00', at(0, 0))).toBe(true);
    expect(isInInstallWindow('22:00-02:00', at(1, 59))).toBe(true);
    expect(isInInstallWindow('22:00-02:00', at(2, 0))).toBe(false);
  });

  it('is validated in the policy with a message IT can act on', () => {
    const result = updatesPolicySchema.safeParse({ installWindow: '2:00-5:00' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/HH:MM-HH:MM.*02:00-05:00/);
    expect(updatesPolicySchema.safeParse({ installWindow: '03:00-03:00' }).success).toBe(false);
    expect(updatesPolicySchema.parse({})).toMatchObject({ enabled: false, channel: 'stable', installWindow: '02:00-05:00', managedBy: 'lingxi' });
    expect(updatesPolicySchema.safeParse({ enabled: true }).error?.issues[0]).toMatchObject({ path: ['url'], message: 'is required when updates.enabled is true' });
    expect(updatesPolicySchema.safeParse({ enabled: true, url: 'http://updates.bank.example/lingxi' }).success).toBe(false);
  });
});
