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

/** A zod path as text, `sip.servers[0]`; '' for the root (without a prefix). */
export function pathText(path: readonly PropertyKey[], { prefix = '', dottedIndices = false }: PathStyle = {}): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number' && !dottedIndices) out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A zod path like `sip.servers[0]`, `(root)` for the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  return pathText(path) || '(root)';
}

/** One issue as `path: message`, e.g. `articles[3].title: must not be empty`. */
export function describeIssue(issue: z.core.$ZodIssue, style: IssueStyle = {}): string {
  const where = pathText(issue.path, style) || style.root;
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Every issue of a failed parse, one line each. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], style: IssueStyle = {}): string[] {
  return issues.map((issue) => describeIssue(issue, style));
}
