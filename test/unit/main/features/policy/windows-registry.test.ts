import { describe, expect, it } from 'vitest';
import { parseRegQuery, readRegistryPolicy, registryPolicy, REGISTRY_KEY } from '@main/features/policy/windows-registry';
import { fakePolicyIo, REG_KEY_MISSING } from './fake-policy-io';

// `reg query HKLM\SOFTWARE\Policies\Lingxi` on Windows 11 (CRLF, four-space columns, a blank line around).
const RECORDED = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Lingxi',
  '    Policy    REG_SZ    {"sip": {"servers": ["wss://pbx.bank.example/ws"], "displayName": "Hotline desk"}, "locked": ["ui.language"]}',
  '    recording.mode    REG_SZ    on-demand',
  '    sip.autoAnswer.enabled    REG_DWORD    0x1',
  '    sip.registerExpires    REG_DWORD    0x258',
  '    ui.language    REG_SZ    en',
  '    sip.servers    REG_MULTI_SZ    wss://a.bank.example/ws\\0wss://b.bank.example/ws',
  '    RequireSignedPolicy    REG_DWORD    0x0',
  '',
].join('\r\n');

describe('parseRegQuery', () => {
  it('reads each value with its type, keeping spaces inside REG_SZ data', () => {
    const values = parseRegQuery(RECORDED);
    expect(values).toHaveLength(7);
    expect(values[0]).toEqual({
      name: 'Policy',
      type: 'REG_SZ',
      data: '{"sip": {"servers": ["wss://pbx.bank.example/ws"], "displayName": "Hotline desk"}, "locked": ["ui.language"]}',
    });
    expect(values[2]).toEqual({ name: 'sip.autoAnswer.enabled', type: 'REG_DWORD', data: '0x1' });
  });

  it('reads an empty REG_SZ and stops at a subkey', () => {
    const text = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Lingxi\r\n    sip.displayName    REG_SZ    \r\n\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Lingxi\\Sub\r\n    x    REG_SZ    y\r\n';
    expect(parseRegQuery(text)).toEqual([{ name: 'sip.displayName', type: 'REG_SZ', data: '' }]);
  });
});

describe('registryPolicy', () => {
  it('lays each per-key value over the Policy document, typed as its key needs', () => {
    const result = registryPolicy(parseRegQuery(RECORDED));
    expect(result).toEqual({
      found: true,
      requireSignature: false,
      problems: [],
      document: {
        sip: {
          servers: ['wss://a.bank.example/ws', 'wss://b.bank.example/ws'],
          displayName: 'Hotline desk',
          autoAnswer: { enabled: true },
          registerExpires: 600,
        },
        locked: ['ui.language'],
        recording: { mode: 'on-demand' },
        ui: { language: 'en' },
      },
    });
  });

  it('reads RequireSignedPolicy as the machine requiring signatures, not as a policy key', () => {
    const result = registryPolicy([{ name: 'RequireSignedPolicy', type: 'REG_DWORD', data: '0x1' }]);
    expect(result).toEqual({ found: true, requireSignature: true, problems: [], document: undefined });
  });

  it('names the value and what it must be when it cannot become its key', () => {
    const result = registryPolicy([
      { name: 'sip.autoAnswer.enabled', type: 'REG_SZ', data: 'yes' },
      { name: 'recording.mode', type: 'REG_DWORD', data: '0x1' },
      { name: 'sip.nonsense', type: 'REG_SZ', data: 'x' },
      { name: 'Policy', type: 'REG_SZ', data: '{"sip": ' },
    ]);
    expect(result.found && result.problems).toEqual([
      { path: `${REGISTRY_KEY}\\Policy`, message: 'not valid JSON at line 1, column 9' },
      { path: `${REGISTRY_KEY}\\sip.autoAnswer.enabled`, message: 'REG_SZ: must be a REG_DWORD (1 or 0) or true/false' },
      { path: `${REGISTRY_KEY}\\recording.mode`, message: 'REG_DWORD: must be a REG_SZ' },
      { path: `${REGISTRY_KEY}\\sip.nonsense`, message: 'REG_SZ: is not a policy key (per-key values are named like recording.mode)' },
    ]);
  });

  it('says how to avoid text reg.exe garbles (it prints in the console code page)', () => {
    const result = registryPolicy([{ name: 'Policy', type: 'REG_SZ', data: '{"sip":{"displayName":"\uFFFD\uFFFD"}}' }]);
    expect(result.found && result.problems[0]?.message).toContain('\\uXXXX escapes');
  });
});

describe('readRegistryPolicy', () => {
  it('runs reg query on the policy key and reads its answer', async () => {
    const io = fakePolicyIo({ run: () => ({ code: 0, stdout: RECORDED, stderr: '' }) });
    const result = await readRegistryPolicy(io);
    expect(io.runs).toEqual([['reg', 'query', 'HKLM\\SOFTWARE\\Policies\\Lingxi']]);
    expect(result.found && result.document?.recording).toEqual({ mode: 'on-demand' });
  });

  it('treats exit code 1 (the key does not exist) as no registry policy', async () => {
    expect(await readRegistryPolicy(fakePolicyIo({ run: () => REG_KEY_MISSING }))).toEqual({ found: false });
  });

  it('reports any other failure instead of acting as if there were no machine policy', async () => {
    const result = await readRegistryPolicy(fakePolicyIo({ run: () => ({ code: -1, stdout: '', stderr: 'spawn reg ENOENT' }) }));
    expect(result).toEqual({ found: true, document: undefined, requireSignature: false, problems: [{ path: REGISTRY_KEY, message: 'reg query failed: spawn reg ENOENT' }] });
  });
});
