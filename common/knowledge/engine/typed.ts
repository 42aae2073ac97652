/** What the index's persisted forms (serialize.ts, stored.ts) share: the typed-array kinds an index holds. */
export const KINDS = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array } as const;
export type Kind = keyof typeof KINDS;
export type Typed = InstanceType<(typeof KINDS)[Kind]>;

export const kindOf = (value: unknown): Kind | undefined => (Object.keys(KINDS) as Kind[]).find((k) => value instanceof KINDS[k]);

/** Plain objects (postings, the classifier …) that may hold typed arrays. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

/** Fields that never hold typed arrays: left as they are by both persisted forms. */
export const PLAIN_FIELDS: ReadonlySet<string> = new Set(['articles', 'config']);
