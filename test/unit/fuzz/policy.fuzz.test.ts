/**
 * The policy validator on any JSON (and any structured value): it never throws, and a rejected document
 * has every problem named by its JSON path (`sip.servers[0]`, `(root)`), with a message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy, policySchema, type PolicyLoadResult } from '@common/contract/policy';
import { fuzz } from './fuzz-params';
import { hostileJson, hostileValue, mutated } from './hostile';

const minimal = { sip: { servers: ['wss://pbx.example/ws'], uriTemplate: 'sip:{agentId}@pbx.example' } };
const full = (() => {
  const result = parsePolicy(minimal, 'minimal');
  if (!result.ok) throw new Error('the minimal policy must be valid');
  return result.policy;
})();
const topLevelKeys = new Set(Object.keys(policySchema.shape));

const plain = String.raw`[\p{L}\p{N}_$-]+…?`;
const quoted = String.raw`\["(?:[^"\\]|\\.)*"\]`;
const index = String.raw`\[\d+\]`;
/** A path as policy problems print it: `(root)`, or keys and indices, e.g. `sip.servers[0]`, `crm.headers["X.Y"]`. */
const PATH = new RegExp(String.raw`^(\(root\)|(${plain}|${quoted}|${index})(\.${plain}|${quoted}|${index})*)$`, 'u');
const FIRST_KEY = new RegExp(String.raw`^(${plain})|^\[("(?:[^"\\]|\\.)*")\]`, 'u');

/** The first key of a printed path, or undefined when the path starts with an index. */
function firstKey(path: string): string | undefined {
  const match = FIRST_KEY.exec(path);
  if (!match) return undefined;
  return match[1] ?? (JSON.parse(match[2] ?? '""') as string);
}

function expectNamedProblems(result: PolicyLoadResult, document: unknown): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.message.trim()).not.toBe('');
    expect(problem.path).toMatch(PATH);
    if (problem.path === '(root)') continue;
    // The first key is the section the problem is in: one the schema knows, or the unknown key the document has.
    const first = firstKey(problem.path) ?? '';
    const own = document !== null && typeof document === 'object' && Object.keys(document).some((key) => key === first || `${key.slice(0, 64)}…` === first);
    expect(topLevelKeys.has(first) || own, `${problem.path} names no key of the policy or the document`).toBe(true);
  }
}

const policyLike = fc.oneof(
  { weight: 3, arbitrary: mutated(fc.constant(full), hostileJson) },
  { weight: 2, arbitrary: mutated(mutated(fc.constant(minimal), hostileJson), hostileJson) },
  { weight: 1, arbitrary: fc.record({ sip: hostileJson, ui: hostileJson, crm: hostileJson, knowledge: hostileJson }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: hostileJson },
);

describe('the policy validator (fuzzed)', { timeout: 30_000 }, () => {
  it('accepts the defaults it fills in', () => {
    expect(parsePolicy(full, 'full').ok).toBe(true);
  });

  it('never throws on a value, and names every problem by its path', () => {
    fuzz(
      fc.property(fc.oneof(policyLike, hostileValue, mutated(fc.constant(full))), (document) => {
        expectNamedProblems(parsePolicy(document, 'fuzz'), document);
      }),
      200,
    );
  });

  it('never throws on text, and names every problem by its path', () => {
    const text = fc.oneof(
      policyLike.map((document) => JSON.stringify(document) ?? 'undefined'),
      fc.string({ unit: 'binary', maxLength: 200 }),
      policyLike.chain((document) => fc.nat().map((cut) => (JSON.stringify(document) ?? '').slice(0, cut))),
    );
    fuzz(
      fc.property(text, (source) => {
        const result = parsePolicy(source, 'fuzz');
        if (result.ok) return;
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) expect(problem.path).toMatch(PATH);
      }),
      200,
    );
  });
});
