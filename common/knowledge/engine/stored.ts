/**
 * The form IndexedDB keeps an index in: one buffer (kept as a Blob). A small UTF-8 JSON header holds the
 * format, config and synonyms and names every other part by kind, byte offset and length; the parts follow
 * it, each 8-byte aligned: the typed arrays, the vocabulary's characters (UTF-16 code units) and the
 * articles (one JSON array, with each article's byte range). Reading it back whole is one copy, one small
 * header parse and views over the buffer. Because every part sits at a known place, the worker can also
 * answer its first queries from byte ranges of the stored Blob before the whole index is read
 * (partial.ts): a 10,000-article index is over 100 MB.
 */
import type { IndexData } from './build';
import { TermDictionary } from './dictionary';
import type { EngineArticle } from './types';
import { isRecord, KINDS, kindOf, PLAIN_FIELDS, type Kind, type Typed } from './typed';

const MAGIC = 0x4c4b4958; // "LKIX"

/** Where a typed array lies among the parts (offset from the data start). */
export interface TypedRef {
  $typed: Kind;
  at: number;
  length: number;
}

/** How the articles are stored: one JSON array (UTF-8) and each article's byte range in it. */
export interface StoredArticles {
  json: TypedRef;
  /** Byte offset of each article in json, plus one past the last article's end + 1: article i is [o[i], o[i+1] − 1). */
  offsets: TypedRef;
  /** Each article's language and product (ranking and filters need them for every touched article). */
  lang: string[];
  product: (string | null)[];
}

/** The parsed header of a stored index: IndexData with refs in place of typed arrays and the two packed parts. */
export interface StoredHeader {
  /** Byte offset of the parts, from the start of the buffer. */
  dataStart: number;
  fields: Record<string, unknown>;
}

const align8 = (n: number): number => (n + 7) & ~7;

function articleSection(articles: readonly EngineArticle[]): { json: Uint8Array<ArrayBuffer>; offsets: Uint32Array<ArrayBuffer> } {
  const encoder = new TextEncoder();
  const parts = articles.map((a) => encoder.encode(JSON.stringify(a)));
  const offsets = new Uint32Array(parts.length + 1);
  let at = 1; // after "["
  parts.forEach((part, i) => {
    offsets[i] = at;
    at += part.length + 1; // "," or "]"
  });
  offsets[parts.length] = at;
  const json = new Uint8Array(Math.max(at, 2));
  json[0] = 0x5b; // [
  parts.forEach((part, i) => {
    json.set(part, offsets[i] as number);
    json[(offsets[i] as number) + part.length] = i === parts.length - 1 ? 0x5d : 0x2c; // ] or ,
  });
  if (parts.length === 0) json[1] = 0x5d;
  return { json, offsets };
}

function toCodeUnits(text: string): Uint16Array<ArrayBuffer> {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

function fromCodeUnits(units: Uint16Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < units.length; i += 8192) chunks.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return chunks.join('');
}

/** Encodes an index as one ArrayBuffer. */
export function toStoredIndex(data: IndexData): ArrayBuffer {
  const arrays: Typed[] = [];
  let bytes = 0;
  const ref = (array: Typed | Uint16Array | Uint32Array | Uint8Array): TypedRef => {
    const kind = kindOf(array) as Kind;
    const out: TypedRef = { $typed: kind, at: bytes, length: array.length };
    arrays.push(array as Typed);
    bytes = align8(bytes + array.byteLength);
    return out;
  };
  const strip = (value: unknown): unknown => {
    if (kindOf(value)) return ref(value as Typed);
    if (!isRecord(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, PLAIN_FIELDS.has(k) ? v : strip(v)]));
  };
  const { articles, terms, ...rest } = data;
  const section = articleSection(articles);
  const stored: StoredArticles = {
    json: ref(section.json),
    offsets: ref(section.offsets),
    lang: articles.map((a) => a.lang ?? ''),
    product: articles.map((a) => a.product ?? null),
  };
  const dictionary = new TermDictionary(terms);
  // The synonym members' terms as text too: a partial index (partial.ts) expands synonyms without the vocabulary.
  const synonymTerms = data.synonyms.map((group) => group.map((member) => member.map((id) => dictionary.at(id))));
  const fields = {
    ...(strip(rest) as object),
    terms: { text: ref(toCodeUnits(terms.text)), start: ref(terms.start), slots: ref(terms.slots) },
    articles: stored,
    synonymTerms,
  };
  const header = new TextEncoder().encode(JSON.stringify(fields));
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
 * The header's length from the first 8 bytes of a stored index.
 * @throws Error when the bytes do not start a stored index
 */
export function storedHeaderLength(first8: ArrayBuffer): number {
  const view = new DataView(first8);
  if (first8.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a stored knowledge index');
  return view.getUint32(4, true);
}

/** Parses the header bytes (the `headerLength` bytes after the first 8). */
export function parseStoredHeader(headerBytes: ArrayBuffer | Uint8Array): StoredHeader {
  const fields = JSON.parse(new TextDecoder().decode(headerBytes)) as unknown;
  if (!isRecord(fields)) throw new Error('not a stored knowledge index');
  return { dataStart: align8(8 + headerBytes.byteLength), fields };
}

/** Checks a ref found at `path` in a header against the stored size and returns it. */
export function typedRef(value: unknown, path: string, size: number, dataStart: number): TypedRef {
  const ref = value as TypedRef | undefined;
  const Type = (ref && typeof ref.$typed === 'string' ? KINDS[ref.$typed] : undefined) as (typeof KINDS)[Kind] | undefined;
  if (!ref || !Type || !Number.isInteger(ref.at) || !Number.isInteger(ref.length) || dataStart + ref.at + ref.length * Type.BYTES_PER_ELEMENT > size) {
    throw new Error(`stored knowledge index: field ${path} is not a typed array within the buffer`);
  }
  return ref;
}

/** The typed array a ref names, as a view over `buffer` (which starts at byte `base` of the stored index). */
export function viewOf(ref: TypedRef, buffer: ArrayBuffer, dataStart: number, base = 0): Typed {
  return new KINDS[ref.$typed](buffer, dataStart + ref.at - base, ref.length);
}

/**
 * Decodes toStoredIndex's output (the engine's load() then checks format and version).
 * @throws Error naming what is wrong when the buffer is not a stored index or is cut short
 */
export function fromStoredIndex(buffer: ArrayBuffer): IndexData {
  const headerBytes = storedHeaderLength(buffer);
  if (8 + headerBytes > buffer.byteLength) throw new Error('stored knowledge index cut short (header)');
  const { dataStart, fields } = parseStoredHeader(new Uint8Array(buffer, 8, headerBytes));
  const restore = (value: unknown, path: string): unknown => {
    if (!isRecord(value)) return value;
    if (typeof value.$typed === 'string') return viewOf(typedRef(value, path, buffer.byteLength, dataStart), buffer, dataStart);
    for (const [k, v] of Object.entries(value)) if (!PLAIN_FIELDS.has(k)) value[k] = restore(v, `${path}.${k}`);
    return value;
  };
  const { articles: storedArticles, terms, synonymTerms: _synonymTerms, ...rest } = fields;
  const index = restore(rest, 'index') as Record<string, unknown>;
  const packed = restore(terms, 'index.terms') as { text: Uint16Array; start: Uint32Array; slots: Uint32Array };
  const stored = storedArticles as StoredArticles | undefined;
  if (!stored || !isRecord(stored)) throw new Error('stored knowledge index: no articles');
  const json = viewOf(typedRef(stored.json, 'index.articles.json', buffer.byteLength, dataStart), buffer, dataStart) as Uint8Array;
  const articles = JSON.parse(new TextDecoder().decode(json)) as EngineArticle[];
  return { ...index, terms: { text: fromCodeUnits(packed.text), start: packed.start, slots: packed.slots }, articles } as unknown as IndexData;
}
