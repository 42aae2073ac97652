import { describe, expect, it } from 'vitest';
import { redact } from '@common/contract/redact';
import type { PolicyLoadResult } from '@common/contract/policy';
import { describePolicyLoad, loggableHash, watchedPolicyFiles } from '@main/features/policy/policy-service';

const sha256 = '5c4ece957ea090666297ed011241a363077a79c60db7ec47074cca80140ac8f9';

describe('the policy line in main’s log', () => {
  it('names the applied and ignored sources and a hash the log’s number redaction leaves whole', () => {
    const result: PolicyLoadResult = {
      ok: true,
      source: '/etc/lingxi/policy.json',
      policy: {} as never,
      sha256,
      sources: [
        { kind: 'machine', location: '/etc/lingxi/policy.json', applied: true },
        { kind: 'user', location: '/home/wang/.config/Lingxi/policy.json', applied: false, note: 'ignored: the machine policy is authoritative' },
      ],
    };
    const line = redact(describePolicyLoad(result));
    expect(line).toBe(
      'policy in force: sources=machine sha256=5c4e:ce95:7ea0:9066:6297:ed01:1241:a363:077a:79c6:0db7:ec47:074c:ca80:140a:c8f9; machine /etc/lingxi/policy.json; user /home/wang/.config/Lingxi/policy.json (not applied) [ignored: the machine policy is authoritative]',
    );
    expect(loggableHash(sha256).replaceAll(':', '')).toBe(sha256);
    // Digit runs inside a word are kept since issue 23, so the plain hex survives too.
    expect(redact(sha256)).toBe(sha256);
  });

  it('says why a policy was rejected', () => {
    const line = describePolicyLoad({ ok: false, source: 'machine policy', problems: [{ path: '/etc/lingxi/policy.json', message: 'not valid JSON at line 1, column 2' }] });
    expect(line).toBe('policy rejected (machine policy): /etc/lingxi/policy.json: not valid JSON at line 1, column 2');
  });
});

describe('watchedPolicyFiles', () => {
  it('lists the machine file, the signature flag, managed preferences and the user candidates', () => {
    const files = watchedPolicyFiles({ argv: ['lingxi'], env: {}, userDataDir: '/Users/wang/Library/Application Support/Lingxi', platform: 'darwin', isPackaged: true, userName: 'wang' });
    expect(files).toEqual([
      '/Library/Application Support/Lingxi/policy.json',
      '/Library/Application Support/Lingxi/require-signed-policy',
      '/Library/Managed Preferences/com.lingxi.desktop.plist',
      '/Library/Managed Preferences/wang/com.lingxi.desktop.plist',
      '/Users/wang/Library/Application Support/Lingxi/policy.json',
    ]);
  });
});
