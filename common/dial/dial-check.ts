/**
 * The policy's word on a dial request: parse the text (number.ts), check `dial.deniedPatterns` and
 * `dial.allowedPatterns` against the normalised number, then add `dial.prefix` for outside lines.
 */
import type { DialPolicy } from '../contract/policy-dial';
import { parseDialInput, type NumberKind, type NumberProblem } from './number';

/** Why a request is not dialled: not a number, or a policy rule (named by its path, for the agent and IT). */
export type DialRefusal =
  | { kind: 'number'; problem: NumberProblem }
  /** `rule` is `dial.allowedPatterns` (none matched) or `dial.deniedPatterns[i]` (that one matched). */
  | { kind: 'policy'; rule: string; pattern?: string; number: string };

export type DialDecision =
  | {
      ok: true;
      /** The normalised number, as shown to the agent and looked up in the CRM cache. */
      number: string;
      kind: NumberKind | 'internal';
      /** What is sent to the PBX: the prefix (outside lines only) and the number. */
      dialString: string;
      /** DTMF digits to send once the call is answered. */
      extension?: string;
    }
  | { ok: false; refusal: DialRefusal };

const whole = (source: string) => new RegExp(`^(?:${source})$`);

/**
 * Decides whether and what to dial for `input` (a link, an address parameter, the clipboard's text).
 * The policy's patterns compiled when it was validated (policy-dial.ts), so they compile here too.
 */
export function checkDial(input: string, policy: DialPolicy): DialDecision {
  const parsed = parseDialInput(input);
  if (!parsed.ok) return { ok: false, refusal: { kind: 'number', problem: parsed.problem } };
  const { number } = parsed;
  const denied = policy.deniedPatterns.findIndex((source) => whole(source).test(number));
  if (denied >= 0) {
    return { ok: false, refusal: { kind: 'policy', rule: `dial.deniedPatterns[${denied}]`, pattern: policy.deniedPatterns[denied], number } };
  }
  if (policy.allowedPatterns.length > 0 && !policy.allowedPatterns.some((source) => whole(source).test(number))) {
    return { ok: false, refusal: { kind: 'policy', rule: 'dial.allowedPatterns', number } };
  }
  const internal = parsed.kind === 'national' && whole(policy.internalPattern).test(number);
  return {
    ok: true,
    number,
    kind: internal ? 'internal' : parsed.kind,
    dialString: internal ? number : `${policy.prefix}${number}`,
    ...(parsed.extension ? { extension: parsed.extension } : {}),
  };
}
