import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolvePolicy, type PolicyLoadInput } from '@main/features/policy/load-policy';
import { readManagedPreferences } from '@main/features/policy/mac-managed-preferences';
import type { RunResult } from '@main/features/policy/policy-io';
import { fakePolicyIo, type FakeIoOptions } from './fake-policy-io';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-machine-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sip = { servers: ['wss://pbx.bank.example/ws'], uri: 'sip:1001@pbx.bank.example', password: 'pw' };
const machine = {
  sip,
  recording: { mode: 'always', uploadUrl: 'https://records.bank.example/files/' },
  ui: { language: 'zh-TW' },
  locked: ['ui.language'],
};
const userFile = join(dir, 'user.json');
writeFileSync(userFile, JSON.stringify({ sip, recording: { mode: 'off', uploadUrl: 'https://attacker.example/' }, ui: { language: 'en' } }));

function input(platform: NodeJS.Platform, io: FakeIoOptions, extra: Partial<PolicyLoadInput> = {}): PolicyLoadInput {
  return { argv: ['lingxi', `--policy=${userFile}`], env: {}, userDataDir: join(dir, 'none'), platform, isPackaged: true, io: fakePolicyIo(io), ...extra };
}

const linux = (document: object, extra: Partial<PolicyLoadInput> = {}) => input('linux', { files: { '/etc/lingxi/policy.json': JSON.stringify(document) } }, extra);

describe('precedence: the machine policy is authoritative in a packaged build', () => {
  it('ignores a user file beside a machine policy, and says so', async () => {
    const { result } = await resolvePolicy(linux(machine));
    expect(result.ok && result.policy.recording).toMatchObject({ mode: 'always', uploadUrl: 'https://records.bank.example/files/' });
    expect(result.sources).toEqual([
      { kind: 'machine', location: '/etc/lingxi/policy.json', applied: true },
      { kind: 'user', location: userFile, applied: false, note: 'ignored: the machine policy is authoritative (it does not say allowUserPolicy: true)' },
    ]);
    expect(result.source).toBe('/etc/lingxi/policy.json');
  });

  it('does not let a broken user file block the machine policy it cannot override', async () => {
    const { result } = await resolvePolicy(linux(machine, { argv: ['lingxi', `--policy=${join(dir, 'missing.json')}`] }));
    expect(result.ok).toBe(true);
  });

  it('lays the user file over it with allowUserPolicy, except the locked keys', async () => {
    const { result, merged } = await resolvePolicy(linux({ ...machine, allowUserPolicy: true }));
    expect(result.ok && result.policy.recording.mode).toBe('off');
    expect(result.ok && result.policy.ui.language).toBe('zh-TW');
    expect(result.ok && result.policy.locked).toEqual(['ui.language']);
    expect(result.sources?.[1]).toMatchObject({ kind: 'user', applied: true, note: 'laid over the machine policy: the machine policy says allowUserPolicy: true' });
    expect(result.source).toBe(`/etc/lingxi/policy.json + ${userFile}`);
    expect(merged?.originOf('recording.mode')).toBe(userFile);
    expect(merged?.originOf('ui.language')).toBe('machine policy (locked)');
    expect(merged?.originOf('sip.password')).toBe(userFile);
  });

  it('keeps allowUserPolicy and the locks from the machine whatever the user file says', async () => {
    const user = join(dir, 'unlock.json');
    writeFileSync(user, JSON.stringify({ allowUserPolicy: false, locked: [], ui: { language: 'en' } }));
    const { result } = await resolvePolicy(linux({ ...machine, allowUserPolicy: true }, { argv: ['lingxi', `--policy=${user}`] }));
    expect(result.ok && [result.policy.allowUserPolicy, result.policy.locked, result.policy.ui.language]).toEqual([true, ['ui.language'], 'zh-TW']);
  });

  it('lets the user file win in an unpackaged (development) build', async () => {
    const { result } = await resolvePolicy(linux(machine, { isPackaged: false }));
    expect(result.ok && result.policy.recording.mode).toBe('off');
    expect(result.sources?.[1]?.note).toBe('laid over the machine policy: development build (unpackaged)');
  });

  it('uses the user file alone where there is no machine policy', async () => {
    const { result } = await resolvePolicy(input('linux', {}));
    expect(result.ok && result.policy.recording.mode).toBe('off');
    expect(result.sources).toEqual([{ kind: 'user', location: userFile, applied: true }]);
  });

  it('refuses the whole policy when a machine source is unreadable, naming it', async () => {
    const { result } = await resolvePolicy(input('linux', { files: { '/etc/lingxi/policy.json': '{ "sip": ' } }));
    expect(result).toMatchObject({ ok: false, source: 'machine policy', problems: [{ path: '/etc/lingxi/policy.json', message: 'not valid JSON at line 1, column 10' }] });
    const denied = await resolvePolicy(input('linux', { files: { '/etc/lingxi/policy.json': null } }));
    expect(denied.result).toMatchObject({ ok: false, problems: [{ path: '/etc/lingxi/policy.json', message: 'cannot read /etc/lingxi/policy.json: EACCES' }] });
  });
});

describe('Windows: %ProgramData%\\Lingxi\\policy.json, then HKLM\\SOFTWARE\\Policies\\Lingxi', () => {
  const regOutput = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Lingxi\r\n    recording.mode    REG_SZ    off\r\n    ui.language    REG_SZ    en\r\n';
  const run = (command: string): RunResult => (command === 'reg' ? { code: 0, stdout: regOutput, stderr: '' } : { code: -1, stdout: '', stderr: '' });

  it('lays the registry values over the ProgramData file', async () => {
    const { result, merged } = await resolvePolicy(
      input('win32', { files: { 'D:\\PD\\Lingxi\\policy.json': JSON.stringify(machine) }, run }, { env: { ProgramData: 'D:\\PD' } }),
    );
    expect(result.ok && [result.policy.recording.mode, result.policy.ui.language, result.policy.sip.uri]).toEqual(['off', 'en', sip.uri]);
    expect(result.sources?.filter((s) => s.applied).map((s) => s.location)).toEqual(['D:\\PD\\Lingxi\\policy.json', 'HKLM\\SOFTWARE\\Policies\\Lingxi']);
    expect(merged?.originOf('recording.mode')).toBe('HKLM\\SOFTWARE\\Policies\\Lingxi');
    expect(merged?.originOf('sip.uri')).toBe('D:\\PD\\Lingxi\\policy.json');
  });
});

describe('macOS: /Library/Application Support/Lingxi/policy.json, then managed preferences', () => {
  // What Jamf installs from a configuration profile's custom settings for com.lingxi.desktop.
  const computerPlist = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>PayloadUUID</key><string>5D1E0C3A-7F0B-4C55-9E34-1B7A2F9C8D10</string>
  <key>recording</key><dict><key>mode</key><string>off</string></dict>
  <key>sip</key><dict><key>autoAnswer</key><dict><key>enabled</key><true/></dict></dict>
</dict>
</plist>`;
  // `plutil -convert json -o - <that file>` prints:
  const computerJson = '{"PayloadUUID":"5D1E0C3A-7F0B-4C55-9E34-1B7A2F9C8D10","recording":{"mode":"off"},"sip":{"autoAnswer":{"enabled":true}}}';
  const userJson = '{"ui":{"language":"en"}}';
  const computer = '/Library/Managed Preferences/com.lingxi.desktop.plist';
  const perUser = '/Library/Managed Preferences/wang/com.lingxi.desktop.plist';
  const run = (command: string, args: readonly string[]): RunResult =>
    command === 'plutil' && args.join(' ') === `-convert json -o - ${computer}`
      ? { code: 0, stdout: computerJson, stderr: '' }
      : command === 'plutil' && args.at(-1) === perUser
        ? { code: 0, stdout: userJson, stderr: '' }
        : { code: 1, stdout: '', stderr: `${args.at(-1)}: Property List error: Unexpected character` };
  const files = { '/Library/Application Support/Lingxi/policy.json': JSON.stringify(machine), [computer]: computerPlist, [perUser]: 'bplist00…' };

  it('lays the computer, then the user managed preferences over the file; profile keys are dropped', async () => {
    const { result } = await resolvePolicy(input('darwin', { files, run }, { userName: 'wang' }));
    expect(result.ok && [result.policy.recording.mode, result.policy.sip.autoAnswer.enabled, result.policy.ui.language]).toEqual(['off', true, 'en']);
    expect(result.sources?.filter((s) => s.kind === 'machine').map((s) => s.location)).toEqual([
      '/Library/Application Support/Lingxi/policy.json',
      computer,
      perUser,
    ]);
  });

  it('reports a plist plutil cannot read, naming it', async () => {
    const result = await readManagedPreferences(fakePolicyIo({ run }), '/Library/Managed Preferences/x.plist');
    expect(result).toEqual({ problem: { path: '/Library/Managed Preferences/x.plist', message: 'plutil could not read it: /Library/Managed Preferences/x.plist: Property List error: Unexpected character' } });
  });
});
