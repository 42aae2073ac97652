/**
 * JSON form of an index, for files and tests (IndexedDB stores IndexData as is: structured clone
 * keeps typed arrays). Typed arrays travel as base64 of their little-endian bytes, which is about a
 * quarter of the size of a JSON number list.
 */
import type { IndexData } from './build';

const TYPED = ['tokens', 'segStart', 'segArticle', 'segKind'] as const;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encodes an index as a JSON string. */
export function encodeIndex(data: IndexData): string {
  const plain: Record<string, unknown> = { ...data };
  for (const key of TYPED) {
    const array = data[key];
    plain[key] = toBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return JSON.stringify(plain);
}

/** Decodes encodeIndex's output; the engine's load() checks format and version. */
export function decodeIndex(json: string): IndexData {
  const plain = JSON.parse(json) as Record<string, unknown>;
  for (const key of TYPED) {
    if (typeof plain[key] !== 'string') throw new Error(`index field ${key} is missing`);
    const bytes = fromBase64(plain[key]);
    plain[key] = key === 'segKind' ? bytes : new Uint32Array(bytes.buffer, 0, bytes.length / 4);
  }
  return plain as unknown as IndexData;
}
