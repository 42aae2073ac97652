import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isBuildStale, newestMtime } from '@main/web-host/build';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(path: string, secondsAgo: number): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, 'x');
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, when, when);
  return full;
}

describe('isBuildStale', () => {
  const index = file('out/renderer/index.html', 100);
  file('renderer/app/App.tsx', 200);
  file('common/contract/ipc.ts', 300);
  const sources = [join(dir, 'renderer'), join(dir, 'common')];

  it('is fresh when the build is newer than every source', async () => {
    expect(await isBuildStale(index, sources)).toBe(false);
  });

  it('is stale when a nested renderer file changed after the build', async () => {
    file('renderer/features/phone/sip/engine.ts', 10);
    expect(await isBuildStale(index, sources)).toBe(true);
  });

  it('is stale when the build is missing', async () => {
    expect(await isBuildStale(join(dir, 'out', 'nope', 'index.html'), sources)).toBe(true);
  });

  it('ignores node_modules inside a source folder', async () => {
    const other = mkdtempSync(join(tmpdir(), 'lingxi-build-nm-'));
    try {
      const built = join(other, 'index.html');
      writeFileSync(built, 'x');
      const old = new Date(Date.now() - 50_000);
      utimesSync(built, old, old);
      mkdirSync(join(other, 'src', 'node_modules'), { recursive: true });
      writeFileSync(join(other, 'src', 'node_modules', 'dep.js'), 'x');
      expect(await isBuildStale(built, [join(other, 'src')])).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('treats a missing source folder as empty', async () => {
    expect(await newestMtime(join(dir, 'does-not-exist'))).toBe(0);
  });
});
