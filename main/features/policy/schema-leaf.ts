/**
 * The kind of value the policy schema expects at a dotted path, so a registry value (REG_DWORD, REG_SZ) can
 * become the boolean, number, string or JSON the key needs. Reads zod's definition tree; wrappers
 * (default, prefault, optional, pipe) are looked through.
 */
import { policySchema } from '@common/contract/policy';

export type LeafKind = 'boolean' | 'number' | 'text' | 'json';

interface ZodNode {
  _zod?: { def?: { type?: string; innerType?: ZodNode; in?: ZodNode; shape?: Record<string, ZodNode> } };
}

function unwrap(node: ZodNode | undefined): ZodNode | undefined {
  let current = node;
  for (let depth = 0; depth < 10; depth++) {
    const def = current?._zod?.def;
    const inner = def?.innerType ?? (def?.type === 'pipe' ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** What the schema expects at `path` (e.g. `sip.autoAnswer.enabled`), or undefined for no such key. */
export function policyLeafKind(path: string): LeafKind | undefined {
  let node = unwrap(policySchema as unknown as ZodNode);
  for (const key of path.split('.')) {
    const def = node?._zod?.def;
    if (def?.type !== 'object' || !def.shape || !Object.hasOwn(def.shape, key)) return undefined;
    node = unwrap(def.shape[key]);
  }
  switch (node?._zod?.def?.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'int':
      return 'number';
    case 'string':
    case 'enum':
    case 'literal':
      return 'text';
    default:
      return 'json';
  }
}
