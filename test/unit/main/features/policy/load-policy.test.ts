import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policySha256 } from '@common/contract/policy-canonical';
import { loadPolicy as load, policyArgument, userPolicyCandidates, type PolicyLoadInput } from '@main/features/policy/load-policy';
import { fakePolicyIo } from './fake-policy-io';

// No machine policy here (machine-policy.test.ts has them): every OS's machine locations read as absent.
const loadPolicy = (input: Omit<PolicyLoadInput, 'isPackaged'>) => load({ isPackaged: true, io: fakePolicyIo(), ...input });

const dir = mkdtempSync(join(tmpdir(), 'lingxi-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function policyFile(name: string, displayName: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    path,
    JSON.stringify({ sip: { servers: ['wss://pbx.bank.example/ws'], uri: 'sip:1001@pbx.bank.example', password: 'pw', displayName } }),
  );
  return path;
}

const cli = policyFile('cli.json', 'from cli');
const env = policyFile('env.json', 'from env');
const userData = join(dir, 'user-data');
policyFile('user-data/policy.json', 'from userData');
const emptyUserData = join(dir, 'no-user-data');

const base = { argv: ['lingxi'], env: {}, userDataDir: userData, platform: 'win32' as const, cwd: dir };

async function displayNameFrom(input: Parameters<typeof loadPolicy>[0]): Promise<string> {
  const result = await loadPolicy(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.policy.sip.displayName;
}

describe('policyArgument', () => {
  it('reads --policy=<path> and --policy <path>', () => {
    expect(policyArgument(['electron', '.', '--policy=/a.json'])).toBe('/a.json');
    expect(policyArgument(['electron', '--policy', '/b.json', '--other'])).toBe('/b.json');
    expect(policyArgument(['electron', '--policy'])).toBeUndefined();
    expect(policyArgument(['electron', '--policy='])).toBeUndefined();
    expect(policyArgument(['electron', '--policyx=/c.json'])).toBeUndefined();
  });
});

describe('userPolicyCandidates', () => {
  it('lists command line, environment, then userData', () => {
    expect(
      userPolicyCandidates({
        argv: ['lingxi', '--policy', 'rel.json'],
        env: { LINGXI_POLICY: '/env.json' },
        userDataDir: '/home/a/.config/Lingxi',
        platform: 'linux',
        cwd: '/work',
      }),
    ).toEqual(['/work/rel.json', '/env.json', '/home/a/.config/Lingxi/policy.json']);
  });
});

describe('loadPolicy precedence', () => {
  it('prefers --policy over LINGXI_POLICY over userData', async () => {
    expect(await displayNameFrom({ ...base, argv: ['lingxi', `--policy=${cli}`], env: { LINGXI_POLICY: env } })).toBe('from cli');
    expect(await displayNameFrom({ ...base, argv: ['lingxi', '--policy', 'cli.json'], env: { LINGXI_POLICY: env } })).toBe('from cli');
    expect(await displayNameFrom({ ...base, env: { LINGXI_POLICY: env } })).toBe('from env');
    expect(await displayNameFrom(base)).toBe('from userData');
  });

  it('skips default locations that do not exist, naming every place looked at', async () => {
    const result = await loadPolicy({ ...base, userDataDir: emptyUserData, platform: 'linux' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toBe(`no policy found; looked at /etc/lingxi/policy.json, ${join(emptyUserData, 'policy.json')}`);
  });

  it('reports a file named by --policy or LINGXI_POLICY that does not exist instead of falling through', async () => {
    const missing = join(dir, 'missing.json');
    const byArg = await loadPolicy({ ...base, argv: ['lingxi', `--policy=${missing}`], env: { LINGXI_POLICY: env } });
    expect(byArg).toMatchObject({ ok: false, source: missing });
    if (!byArg.ok) expect(byArg.problems[0]?.message).toBe(`${missing} (named by --policy) does not exist`);
    const byEnv = await loadPolicy({ ...base, env: { LINGXI_POLICY: missing } });
    if (!byEnv.ok) expect(byEnv.problems[0]?.message).toContain('(named by LINGXI_POLICY)');
    expect(byEnv.ok).toBe(false);
  });

  it('reports the source path and the SHA-256 of the canonical document (recording uploads and the REGISTER carry it)', async () => {
    const result = await loadPolicy({ ...base, env: { LINGXI_POLICY: env } });
    expect(result.source).toBe(env);
    expect(result).toMatchObject({
      ok: true,
      sha256: await policySha256(JSON.parse(readFileSync(env, 'utf8'))),
      sources: [{ kind: 'user', location: env, applied: true }],
    });
  });
});

describe('loadPolicy errors', () => {
  it('reports a missing file at (file), naming every path tried', async () => {
    const result = await loadPolicy({ ...base, userDataDir: emptyUserData });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('(file)');
    expect(result.problems[0]?.message).toBe(
      `no policy found; looked at C:\\ProgramData\\Lingxi\\policy.json, HKLM\\SOFTWARE\\Policies\\Lingxi, ${join(emptyUserData, 'policy.json')}`,
    );
  });

  it('reports invalid JSON with the parser message', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "sip": ');
    const result = await loadPolicy({ ...base, argv: ['lingxi', `--policy=${bad}`] });
    expect(result).toMatchObject({ ok: false, source: bad });
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it('reports schema problems with their path', async () => {
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ sip: { servers: ['ws://pbx.bank.example'], uri: 'sip:1@x', password: 'p' } }));
    const result = await loadPolicy({ ...base, argv: ['lingxi', `--policy=${wrong}`] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['sip.servers[0]']);
  });

  it('reports an unreadable file at (file) instead of throwing', async () => {
    const folder = join(dir, 'a-directory.json');
    mkdirSync(folder);
    const result = await loadPolicy({ ...base, argv: ['lingxi', `--policy=${folder}`] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]?.path).toBe('(file)');
      expect(result.problems[0]?.message).toContain(`cannot read ${folder}`);
    }
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const bom = join(dir, 'bom.json');
    writeFileSync(bom, `\uFEFF${JSON.stringify({ sip: { servers: ['wss://p/ws'], uri: 'sip:1@p', password: 'x' } })}`);
    expect((await loadPolicy({ ...base, argv: ['lingxi', `--policy=${bom}`] })).ok).toBe(true);
  });
});
