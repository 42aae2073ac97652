/**
 * Serving the built renderer from disk, shared by the Electron custom protocol and the browser host.
 * Pure Node (no electron import): main/web-host runs it under plain Node.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  // application/wasm is required for WebAssembly.instantiateStreaming (speech recognition workers).
  '.wasm': 'application/wasm',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
};

/** The Content-Type for a file name; unknown types are served as opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return mimeTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL pathname to a file strictly inside rootDir, or null if it would escape.
 * Decodes percent-escapes first, because `..%2f` survives URL normalisation and only becomes a
 * traversal after decoding. "/" and directory-looking paths map to index.html.
 */
export function resolveInside(rootDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  // NUL truncates paths in some layers; backslashes are separators on Windows.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded === '' || decoded.endsWith('/')) decoded += 'index.html';
  const root = resolve(rootDir);
  const target = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null;
  return target;
}

/** A file ready to send. */
export interface StaticFile {
  path: string;
  body: Buffer;
  contentType: string;
}

/** Reads the file a pathname names under rootDir; null when it is outside, missing or not a file. */
export async function readStaticFile(rootDir: string, pathname: string): Promise<StaticFile | null> {
  const path = resolveInside(rootDir, pathname);
  if (!path) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return { path, body: await readFile(path), contentType: mimeTypeFor(path) };
  } catch {
    return null;
  }
}
