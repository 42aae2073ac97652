import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPolicy, defaultUserDataDir } from '../../../tools/policy-check';
import { newSigningKeyPair, signPolicyText } from '../../../tools/policy-sign';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-policy-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keys = newSigningKeyPair();
const text = JSON.stringify({ sip: { servers: ['wss://pbx.bank.example/ws'], uri: 'sip:1001@pbx.bank.example', password: 'hunter2' }, recording: { mode: 'always' } });

describe('npm run policy:sign, then policy:check', () => {
  it('signs a file that then checks valid, showing each value with its source and masking secrets', async () => {
    const file = join(dir, 'signed.json');
    writeFileSync(file, signPolicyText(text, keys.privateKey));
    const { report, result } = await checkPolicy(file, keys.publicKey);
    expect(result.ok).toBe(true);
    expect(report).toContain(`signature of ${file}: valid (the key built into the package)`);
    expect(report).toContain(`  recording.mode = "always"  (${file})`);
    expect(report).toContain('  sip.registerExpires = 300  (default)');
    expect(report).toContain(`  sip.password = "••••"  (${file})`);
    expect(report).not.toContain('hunter2');
  });

  it('refuses a signed file edited afterwards, saying why', async () => {
    const file = join(dir, 'altered.json');
    writeFileSync(file, signPolicyText(text, keys.privateKey).replace('"always"', '"off"'));
    const { report, result } = await checkPolicy(file, keys.publicKey);
    expect(result.ok).toBe(false);
    expect(report).toMatch(/^REFUSED: the policy/);
    expect(report).toContain('policySignature: policySignature does not match the document');
  });

  it('reports schema problems with their path', async () => {
    const file = join(dir, 'wrong.json');
    writeFileSync(file, JSON.stringify({ sip: { servers: ['http://x'], uri: 'sip:1@x', password: 'p' } }));
    const { report } = await checkPolicy(file, '');
    expect(report).toContain('  sip.servers[0]: ');
    expect(report).toContain(`signature of ${file}: none`);
  });

  it('refuses to sign what is not a JSON object', () => {
    expect(() => signPolicyText('[1]', keys.privateKey)).toThrow('the policy must be a JSON object');
  });

  it("knows the packaged app's userData folder per OS", () => {
    expect(defaultUserDataDir('linux', {}, '/home/wang')).toBe('/home/wang/.config/Lingxi');
    expect(defaultUserDataDir('darwin', {}, '/Users/wang')).toBe('/Users/wang/Library/Application Support/Lingxi');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\wang\\AppData\\Roaming' }, 'C:\\Users\\wang')).toBe(join('C:\\Users\\wang\\AppData\\Roaming', 'Lingxi'));
  });
});
