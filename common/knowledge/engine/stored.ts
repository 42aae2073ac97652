/**
 * The form IndexedDB keeps an index in: one ArrayBuffer. A UTF-8 JSON header holds everything but the
 * typed arrays (format, config, articles, the packed vocabulary …); the typed arrays follow it, each
 * 8-byte aligned and named in the header by kind, byte offset and length. Reading it back is one
 * structured-clone copy of the buffer, one header parse, and views over the buffer: no per-string or
 * per-number work in the storage layer, which is what a 10,000-article cold start spends its time on
 * when IndexData (a million strings, dozens of typed arrays) is stored as is.
 */
import type { IndexData } from './build';
import { isRecord, KINDS, kindOf, PLAIN_FIELDS, type Kind, type Typed } from './typed';

const MAGIC = 0x4c4b4958; // "LKIX"
interface TypedRef {
  $typed: Kind;
  at: number;
  length: number;
}

const align8 = (n: number): number => (n + 7) & ~7;

/** Encodes an index as one ArrayBuffer. */
export function toStoredIndex(data: IndexData): ArrayBuffer {
  const arrays: Typed[] = [];
  let bytes = 0;
  const strip = (value: unknown): unknown => {
    const kind = kindOf(value);
    if (kind) {
      const array = value as Typed;
      const ref: TypedRef = { $typed: kind, at: bytes, length: array.length };
      arrays.push(array);
      bytes = align8(bytes + array.byteLength);
      return ref;
    }
    if (!isRecord(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PLAIN_FIELDS.has(k) ? v : strip(v)]));
  };
  const header = new TextEncoder().encode(JSON.stringify(strip(data)));
  const dataStart = align8(8 + header.length);
  const buffer = new ArrayBuffer(dataStart + bytes);
  const view = new DataView(buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  new Uint8Array(buffer, 8, header.length).set(header);
  let at = dataStart;
  for (const array of arrays) {
    new Uint8Array(buffer, at, array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    at = align8(at + array.byteLength);
  }
  return buffer;
}

/**
 * Decodes toStoredIndex's output (the engine's load() then checks format and version).
 * @throws Error naming what is wrong when the buffer is not a stored index or is cut short
 */
export function fromStoredIndex(buffer: ArrayBuffer): IndexData {
  const view = new DataView(buffer);
  if (buffer.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a stored knowledge index');
  const headerBytes = view.getUint32(4, true);
  if (8 + headerBytes > buffer.byteLength) throw new Error('stored knowledge index cut short (header)');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerBytes))) as unknown;
  const dataStart = align8(8 + headerBytes);
  const restore = (value: unknown, path: string): unknown => {
    if (!isRecord(value)) return value;
    if (typeof value.$typed === 'string') {
      const { $typed, at, length } = value as unknown as TypedRef;
      const Type = KINDS[$typed] as (typeof KINDS)[Kind] | undefined;
      const offset = dataStart + at;
      if (!Type || !Number.isInteger(at) || !Number.isInteger(length) || offset + length * Type.BYTES_PER_ELEMENT > buffer.byteLength) {
        throw new Error(`stored knowledge index: field ${path} is not a typed array within the buffer`);
      }
      return new Type(buffer, offset, length);
    }
    for (const [k, v] of Object.entries(value)) if (!PLAIN_FIELDS.has(k)) value[k] = restore(v, `${path}.${k}`);
    return value;
  };
  if (!isRecord(header)) throw new Error('not a stored knowledge index');
  return restore(header, 'index') as IndexData;
}
