/**
 * JSON form of an index, for files and tests (IndexedDB keeps the binary form, stored.ts). Typed arrays travel as `{"$typed": kind, "base64": ...}` of their
 * little-endian bytes — about a quarter of the size of a JSON number list, and decoding is a table
 * lookup per character instead of number parsing, which is what keeps a cold start fast.
 */
import type { IndexData } from './build';
import { isRecord, KINDS, kindOf, PLAIN_FIELDS, type Kind, type Typed } from './typed';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      ((LOOKUP[text.charCodeAt(i)] as number) << 18) |
      ((LOOKUP[text.charCodeAt(i + 1)] as number) << 12) |
      ((LOOKUP[text.charCodeAt(i + 2)] as number) << 6) |
      (LOOKUP[text.charCodeAt(i + 3)] as number);
    bytes[o++] = n >>> 16;
    if (o < bytes.length) bytes[o++] = (n >>> 8) & 0xff;
    if (o < bytes.length) bytes[o++] = n & 0xff;
  }
  return bytes.buffer;
}

function encodeValue(value: unknown): unknown {
  const kind = kindOf(value);
  if (kind) {
    const array = value as Typed;
    return { $typed: kind, base64: toBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)) };
  }
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PLAIN_FIELDS.has(k) ? v : encodeValue(v)]));
}

function decodeValue(value: unknown, path: string): unknown {
  if (!isRecord(value)) return value;
  if (typeof value.$typed === 'string') {
    const Type = KINDS[value.$typed as Kind] as (typeof KINDS)[Kind] | undefined;
    if (!Type || typeof value.base64 !== 'string') throw new Error(`index field ${path} is not a typed array`);
    return new Type(fromBase64(value.base64));
  }
  for (const [k, v] of Object.entries(value)) if (!PLAIN_FIELDS.has(k)) value[k] = decodeValue(v, `${path}.${k}`);
  return value;
}

/** Encodes an index as a JSON string. */
export function encodeIndex(data: IndexData): string {
  return JSON.stringify(encodeValue(data));
}

/** Decodes encodeIndex's output; the engine's load() checks format and version. */
export function decodeIndex(json: string): IndexData {
  const plain = JSON.parse(json) as unknown;
  if (!isRecord(plain)) throw new Error('not a knowledge index');
  return decodeValue(plain, 'index') as IndexData;
}
