import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mimeTypeFor, readStaticFile, resolveInside } from '@main/shared/static-files';

const base = mkdtempSync(join(tmpdir(), 'lingxi-static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
writeFileSync(join(base, 'secret.txt'), 'secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveInside', () => {
  it('maps / and directories to index.html', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/')).toBe(join(root, 'assets', 'index.html'));
  });

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/index.html%00.js', '/%E0%A4%A'])(
    'refuses %s',
    (pathname) => {
      expect(resolveInside(root, pathname)).toBeNull();
    },
  );

  it('allows dot segments that stay inside', () => {
    expect(resolveInside(root, '/assets/../index.html')).toBe(join(root, 'index.html'));
  });
});

describe('readStaticFile', () => {
  it('reads a file with its MIME type', async () => {
    const file = await readStaticFile(root, '/assets/app.js');
    expect(file?.body.toString()).toBe('export {}');
    expect(file?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('returns null for missing files, directories and escapes', async () => {
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
    expect(await readStaticFile(root, '/assets')).toBeNull();
    expect(await readStaticFile(root, '/..%2fsecret.txt')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.unknown', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });
});
