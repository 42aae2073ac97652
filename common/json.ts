/**
 * Reading JSON documents that people write (policy, knowledge packages) or peers send (speech protocol):
 * never a throw, always a reason fit for a report.
 */
import type { z } from 'zod';
import { jsonErrorOffset, lineAndColumn } from './json-error-position';
import { describeIssues } from './zod-issues';

export type JsonReadResult = { ok: true; value: unknown } | { ok: false; error: string };

/** The outcome of parsing against a schema: the value, or every problem found (one line each). */
export type JsonParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * JSON.parse that reports instead of throwing: the value, or `not valid JSON at line L, column C`. The
 * engine's own message is never used: it quotes the source around the error, and a policy or CRM answer
 * can hold a password or token right there (json-error-position.ts). A leading UTF-8 byte order mark
 * (Windows Notepad writes one) is skipped: it is not a JSON error IT should have to chase.
 */
export function readJson(text: string): JsonReadResult {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    return { ok: false, error: describeJsonError(source) };
  }
}

/** `not valid JSON at line L, column C` for text JSON.parse rejected; no part of the text itself. */
export function describeJsonError(text: string): string {
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return 'not valid JSON'; // JSON.parse saw what this reader did not: no place to name
  const { line, column } = lineAndColumn(text, offset);
  return `not valid JSON at line ${line}, column ${column}`;
}

/** Parses JSON text against `schema`: bad JSON is one error, a schema violation one per issue (`articles[3].title: …`). */
export function parseJson<T>(schema: z.ZodType<T>, text: string): JsonParseResult<T> {
  const json = readJson(text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const result = schema.safeParse(json.value);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: describeIssues(result.error.issues, { root: '(root)' }) };
}
