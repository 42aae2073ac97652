/**
 * Combining policy documents (plain JSON values, before the schema's defaults): a later document's value
 * wins key by key, sections merge, lists are replaced whole. Records which document set each value, for
 * `npm run policy:check` and the log.
 */

import { leaves } from '@common/contract/policy-secrets';

export { leaves };

export type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Sets a dotted path, creating sections on the way (a non-object in the way is replaced). */
export function setPath(target: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as JsonObject;
  }
  node[keys[keys.length - 1] ?? ''] = value;
}

/** The value at a dotted path, or undefined. */
export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const key of path.split('.')) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function deletePath(target: JsonObject, path: string): void {
  const keys = path.split('.');
  const parent = keys.length === 1 ? target : getPath(target, keys.slice(0, -1).join('.'));
  if (isObject(parent)) Reflect.deleteProperty(parent, keys[keys.length - 1] ?? '');
}


/** A document merged from several, and which of them set each leaf. */
export class MergedDocument {
  readonly document: JsonObject = {};
  private readonly origin = new Map<string, string>();

  /** Lays `layer` over what is there; `label` names it in `originOf`. */
  add(layer: JsonObject, label: string): void {
    this.merge(this.document, layer, '', label);
  }

  /** Puts `path` back to `source`'s value (or removes it so the default applies): a locked key. */
  restore(path: string, source: unknown, label: string): void {
    for (const key of [...this.origin.keys()]) if (key === path || key.startsWith(`${path}.`)) this.origin.delete(key);
    const value = getPath(source, path);
    if (value === undefined) {
      deletePath(this.document, path);
      return;
    }
    setPath(this.document, path, structuredClone(value));
    for (const [leaf] of leaves(value, path)) this.origin.set(leaf, label);
  }

  /** The label of the document that set `path`, or undefined (the built-in default). */
  originOf(path: string): string | undefined {
    return this.origin.get(path);
  }

  private merge(target: JsonObject, layer: JsonObject, prefix: string, label: string): void {
    for (const [key, value] of Object.entries(layer)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (isObject(value) && isObject(target[key])) {
        this.merge(target[key], value, path, label);
        continue;
      }
      for (const known of [...this.origin.keys()]) if (known === path || known.startsWith(`${path}.`)) this.origin.delete(known);
      target[key] = structuredClone(value);
      for (const [leaf] of leaves(value, path)) this.origin.set(leaf, label);
      if (isObject(value) && Object.keys(value).length === 0) this.origin.set(path, label);
    }
  }
}
