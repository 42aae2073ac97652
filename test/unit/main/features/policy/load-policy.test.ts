import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  LINUX_SYSTEM_POLICY,
  loadPolicy,
  policyArgument,
  policyCandidates,
} from '@main/features/policy/load-policy';

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

// win32 keeps /etc/lingxi/policy.json on the test machine out of the way; Linux is tested on the list.
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

describe('policyCandidates', () => {
  it('lists command line, environment, userData, then /etc on Linux', () => {
    expect(
      policyCandidates({
        argv: ['lingxi', '--policy', 'rel.json'],
        env: { LINGXI_POLICY: '/env.json' },
        userDataDir: '/home/a/.config/Lingxi',
        platform: 'linux',
        cwd: '/work',
      }),
    ).toEqual(['/work/rel.json', '/env.json', '/home/a/.config/Lingxi/policy.json', LINUX_SYSTEM_POLICY]);
  });

  it('has no /etc entry off Linux', () => {
    expect(policyCandidates({ ...base, platform: 'darwin' })).not.toContain(LINUX_SYSTEM_POLICY);
  });
});

describe('loadPolicy precedence', () => {
  it('prefers --policy over LINGXI_POLICY over userData', async () => {
    expect(await displayNameFrom({ ...base, argv: ['lingxi', `--policy=${cli}`], env: { LINGXI_POLICY: env } })).toBe('from cli');
    expect(await displayNameFrom({ ...base, argv: ['lingxi', '--policy', 'cli.json'], env: { LINGXI_POLICY: env } })).toBe('from cli');
    expect(await displayNameFrom({ ...base, env: { LINGXI_POLICY: env } })).toBe('from env');
    expect(await displayNameFrom(base)).toBe('from userData');
  });

  it('skips default locations that do not exist', async () => {
    const linuxNoUserData = { ...base, userDataDir: emptyUserData, platform: 'linux' as const };
    const result = await loadPolicy(linuxNoUserData);
    // Past the missing userData file it goes on to /etc/lingxi (absent on a test machine).
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain(`, ${LINUX_SYSTEM_POLICY}`);
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

  it('reports the source path and the SHA-256 of the file as loaded (recording uploads carry it)', async () => {
    const result = await loadPolicy({ ...base, env: { LINGXI_POLICY: env } });
    expect(result.source).toBe(env);
    expect(result).toMatchObject({ ok: true, sha256: createHash('sha256').update(readFileSync(env)).digest('hex') });
  });
});

describe('loadPolicy errors', () => {
  it('reports a missing file at (file), naming every path tried', async () => {
    const result = await loadPolicy({ ...base, userDataDir: emptyUserData });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('(file)');
    expect(result.problems[0]?.message).toBe(`no policy file found; tried ${join(emptyUserData, 'policy.json')}`);
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
