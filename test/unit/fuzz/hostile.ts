/**
 * Values a hostile or broken peer sends: random JSON and structured-clone values plus the boundary
 * cases fuzzers are known to find bugs with (huge strings, NaN, -0, deep nesting, prototype keys).
 */
import fc from 'fast-check';

/** `{"__proto__": …}` as JSON.parse and structured clone build it: an own key, not the prototype. */
const ownKey = (key: string, value: unknown): Record<string, unknown> => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value ?? null)}}`) as Record<string, unknown>;

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Objects with prototype-polluting keys, alone or beside ordinary ones. */
export const prototypeKeyed: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }))
  .map(([key, value, rest]) => Object.assign(ownKey(key, value), rest));

/** Nesting deeper than any document we accept, as arrays or objects. */
export const deeplyNested: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 500, max: 3000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
});

/** Strings from empty to megabytes, with control characters, lone surrogates and RTL marks. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 3, arbitrary: fc.constantFrom('', ' ', '\u0000', '\uD800', '\uFEFF{}', '\u202E', '%', '%E0%A4%A', '../..', 'a'.repeat(70_000)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }).map((mb) => 'x'.repeat(mb * 1024 * 1024)) },
);

/** Numbers a validator must not take for ordinary ones. */
export const hostileNumber: fc.Arbitrary<number> = fc.constantFrom(Number.NaN, -0, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -(2 ** 53), 0.1 + 0.2, 1e21);

/** Any value that survives structured clone (what IPC delivers), boundary cases included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }) },
  { weight: 2, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 2, arbitrary: prototypeKeyed },
  { weight: 1, arbitrary: deeplyNested },
);

/** Any JSON document, boundary cases included, as a value. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: prototypeKeyed },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: hostileString },
);

/**
 * A valid document with one value replaced at a random place: the shape a half-right file has, which
 * reaches far deeper into a schema than random JSON does.
 */
export function mutated(valid: fc.Arbitrary<unknown>, replacements: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), replacements, fc.boolean()).map(([document, pick, replacement, dropInstead]) => {
    const copy = cloneTop(document, MUTATION_DEPTH);
    const slots: Array<{ parent: Record<string, unknown>; key: string }> = [];
    const walk = (node: unknown, depth: number) => {
      if (node === null || typeof node !== 'object' || depth === 0 || !isPlain(node)) return;
      for (const key of Object.keys(node)) {
        slots.push({ parent: node as Record<string, unknown>, key });
        walk((node as Record<string, unknown>)[key], depth - 1);
      }
    };
    walk(copy, MUTATION_DEPTH);
    const slot = slots[pick % Math.max(slots.length, 1)];
    if (!slot) return replacement;
    if (dropInstead) Reflect.deleteProperty(slot.parent, slot.key);
    else slot.parent[slot.key] = replacement;
    return copy;
  });
}

/** Mutations reach this deep; below it a document is shared, not copied (deeply nested values stay cheap). */
const MUTATION_DEPTH = 12;

const isPlain = (node: object): boolean => Array.isArray(node) || Object.getPrototypeOf(node) === Object.prototype || Object.getPrototypeOf(node) === null;

/** Copies arrays and plain objects down to `depth` (own keys, `__proto__` included, as data). */
function cloneTop(node: unknown, depth: number): unknown {
  if (node === null || typeof node !== 'object' || depth === 0 || !isPlain(node)) return node;
  if (Array.isArray(node)) return node.map((item: unknown) => cloneTop(item, depth - 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) Object.defineProperty(out, key, { value: cloneTop((node as Record<string, unknown>)[key], depth - 1), enumerable: true, writable: true, configurable: true });
  return out;
}
