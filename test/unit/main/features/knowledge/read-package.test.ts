import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageLocation, readKnowledgePackage } from '@main/features/knowledge/read-package';
import { KNOWLEDGE_PACKAGE_PATH, startWebHost, type WebHost } from '@main/web-host/server';
import { invokeChannels } from '@common/contract/ipc';
import { parsePolicy } from '@common/contract/policy';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-kb-'));
const policyPath = join(dir, 'policy.json');
mkdirSync(join(dir, 'kb'));
const packageText = '{"format":"lingxi-knowledge","version":1,"articles":[]}';
writeFileSync(join(dir, 'kb', 'bank.json'), packageText);
// 500 MB on disk as the file system reports it (sparse: nothing is written), to be refused unread.
const hugePackage = join(dir, 'kb', 'huge.json');
writeFileSync(hugePackage, '{');
truncateSync(hugePackage, 500 * 1024 * 1024);
const sip = { servers: ['wss://pbx/ws'], uri: 'sip:1001@pbx', password: 'pw' };

describe('knowledge:read-package', () => {
  it('takes no arguments: the renderer cannot name a file', () => {
    expect(invokeChannels['knowledge:read-package'].args.safeParse([]).success).toBe(true);
    expect(invokeChannels['knowledge:read-package'].args.safeParse(['/etc/shadow']).success).toBe(false);
  });

  it('reads the package relative to the policy file, and says why when it cannot', async () => {
    expect(packageLocation('kb/bank.json', policyPath)).toBe(join(dir, 'kb', 'bank.json'));
    expect(await readKnowledgePackage(undefined, policyPath, 256)).toBeNull();
    expect(await readKnowledgePackage('kb/bank.json', policyPath, 256)).toEqual({ ok: true, source: join(dir, 'kb', 'bank.json'), text: packageText });
    expect(await readKnowledgePackage('kb/missing.json', policyPath, 256)).toEqual({ ok: false, source: join(dir, 'kb', 'missing.json'), error: `cannot read ${join(dir, 'kb', 'missing.json')}: ENOENT` });
    expect(await readKnowledgePackage('kb', policyPath, 256)).toMatchObject({ ok: false, error: `${join(dir, 'kb')} is not a file` });
  });

  it('refuses a 500 MB package by its size on disk, before reading it, naming the policy key (issue 25 §5)', async () => {
    const started = performance.now();
    expect(await readKnowledgePackage('kb/huge.json', policyPath, 256)).toEqual({
      ok: false,
      source: hugePackage,
      error: `${hugePackage} is 500 MB, larger than the 256 MB knowledge.maxPackageMb allows; it was not read`,
    });
    // Reading 500 MB and decoding it as UTF-8 takes seconds; a stat takes a millisecond.
    expect(performance.now() - started).toBeLessThan(500);
    expect(await readKnowledgePackage('kb/bank.json', policyPath, 1)).toMatchObject({ ok: true });
  });
});

describe('knowledge policy keys', () => {
  it('defaults to no package, no sync, every 30 minutes, no remote hosts, no search feedback kept', () => {
    const result = parsePolicy({ sip }, 'p');
    expect(result.ok && result.policy.knowledge).toEqual({ syncMinutes: 30, maxPackageMb: 256, remoteContentHosts: [], feedbackExport: false });
  });
  it('takes knowledge.feedbackExport as a boolean only', () => {
    const on = parsePolicy({ sip, knowledge: { feedbackExport: true } }, 'p');
    expect(on.ok && on.policy.knowledge.feedbackExport).toBe(true);
    const bad = parsePolicy({ sip, knowledge: { feedbackExport: 'yes' } }, 'p');
    expect(bad.ok ? [] : bad.problems).toEqual([{ path: 'knowledge.feedbackExport', message: 'Invalid input: expected boolean, received string' }]);
  });
  it('accepts https or loopback http sync URLs and host names only', () => {
    const bad = parsePolicy({ sip, knowledge: { syncUrl: 'http://kb.bank.example/delta', remoteContentHosts: ['https://img.example'] } }, 'p');
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(['knowledge.syncUrl', 'knowledge.remoteContentHosts[0]']);
    expect(parsePolicy({ sip, knowledge: { syncUrl: 'http://127.0.0.1:9/delta', remoteContentHosts: ['img.bank.example'] } }, 'p').ok).toBe(true);
  });
});

describe('browser host /knowledge-package.json', () => {
  let host: WebHost;
  const get = async (path: string) => {
    const response = await fetch(new URL(path, host.url), { headers: { Authorization: `Bearer ${host.token}` } });
    return { status: response.status, body: await response.text() };
  };
  beforeAll(async () => {
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    host = await startWebHost({ rendererDir: join(dir, 'renderer'), policyPath, port: 0, warn: () => undefined });
  });
  afterAll(() => host.close());

  it('serves the package the policy names, 204 when it names none, 404 with the reason when unreadable', async () => {
    writeFileSync(policyPath, JSON.stringify({ sip }));
    expect((await get(KNOWLEDGE_PACKAGE_PATH)).status).toBe(204);
    writeFileSync(policyPath, JSON.stringify({ sip, knowledge: { packagePath: 'kb/bank.json' } }));
    expect(await get(KNOWLEDGE_PACKAGE_PATH)).toEqual({ status: 200, body: packageText });
    writeFileSync(policyPath, JSON.stringify({ sip, knowledge: { packagePath: 'kb/gone.json' } }));
    expect(await get(KNOWLEDGE_PACKAGE_PATH)).toEqual({ status: 404, body: `cannot read ${join(dir, 'kb', 'gone.json')}: ENOENT` });
    writeFileSync(policyPath, JSON.stringify({ sip, knowledge: { packagePath: 'kb/huge.json', maxPackageMb: 100 } }));
    expect(await get(KNOWLEDGE_PACKAGE_PATH)).toEqual({ status: 404, body: `${hugePackage} is 500 MB, larger than the 100 MB knowledge.maxPackageMb allows; it was not read` });
  });
});
