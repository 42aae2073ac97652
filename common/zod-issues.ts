/**
 * Zod issues as the lines IT and developers read: `sip.servers[0].host: must be …`. One formatter for
 * the policy, knowledge packages and deltas, the speech protocol and configuration, and IPC arguments.
 */
import type { z } from 'zod';

export interface PathStyle {
  /** Text the path continues, e.g. `articles[2] (id "card-7")`: the first key then follows a dot. */
  prefix?: string;
  /**
   * `engines.0.endSilenceMs` instead of `engines[0].endSilenceMs`: the speech service's messages have
   * always read so, and its launchers' logs and tests match them.
   */
  dottedIndices?: boolean;
}

export interface IssueStyle extends PathStyle {
  /** The name of the document itself in `(root): message`; without it a root issue is the bare message. */
  root?: string;
}

/** A key that reads unambiguously after a dot: letters, digits, `_`, `$`, `-` (header names included). */
const PLAIN_KEY = /^[\p{L}\p{N}_$-]+$/u;
/** Longer keys are cut: a path names a place, and an unknown key can be as long as the document that holds it. */
const MAX_KEY_CHARS = 64;

/** A key as a path shows it: plain, or quoted in brackets when it holds `.`, `[`, spaces or nothing (`crm.headers["X.Y"]`). */
function keyText(key: string): { plain: boolean; text: string } {
  const cut = key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…` : key;
  return PLAIN_KEY.test(key) ? { plain: true, text: cut } : { plain: false, text: `[${JSON.stringify(cut)}]` };
}

/** A zod path as text, `sip.servers[0]`; '' for the root (without a prefix). */
export function pathText(path: readonly PropertyKey[], { prefix = '', dottedIndices = false }: PathStyle = {}): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number' && !dottedIndices) out += `[${part}]`;
    else if (typeof part === 'number') out += out === '' ? String(part) : `.${part}`;
    else {
      const key = keyText(String(part));
      if (!key.plain) out += key.text;
      else out += out === '' ? key.text : `.${key.text}`;
    }
  }
  return out;
}

/** A zod path like `sip.servers[0]`, `(root)` for the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  return pathText(path) || '(root)';
}

/**
 * The places and messages of one issue: an unknown key is named where it is (`sip.colour: unknown key`), one
 * place per key, rather than as `Unrecognized key: "colour"` at its parent, which the root cannot show.
 */
export function issuePlaces(issue: z.core.$ZodIssue): Array<{ path: readonly PropertyKey[]; message: string }> {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown key' }));
  return [{ path: issue.path, message: issue.message }];
}

/** One issue as `path: message`, e.g. `articles[3].title: must not be empty` (several unknown keys: joined by `; `). */
export function describeIssue(issue: z.core.$ZodIssue, style: IssueStyle = {}): string {
  return issuePlaces(issue)
    .map(({ path, message }) => {
      const where = pathText(path, style) || style.root;
      return where ? `${where}: ${message}` : message;
    })
    .join('; ');
}

/** Every issue of a failed parse, one line each (one per unknown key). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], style: IssueStyle = {}): string[] {
  return issues.flatMap((issue) => issuePlaces(issue).map(({ path, message }) => describeIssue({ ...issue, code: 'custom', path: [...path], message } as z.core.$ZodIssue, style)));
}
