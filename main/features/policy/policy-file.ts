/** One policy JSON file read as a document (not yet validated: merging comes first). */
import type { PolicyProblem, PolicySource } from '@common/contract/policy';
import { readJson } from '@common/json';
import type { PolicyIo } from './policy-io';
import type { JsonObject } from './policy-merge';

/** A policy document found at one source. */
export interface FoundDocument {
  kind: PolicySource['kind'];
  location: string;
  document: JsonObject;
}

export type FileRead = { found: false } | { found: true; document: FoundDocument } | { found: true; problem: PolicyProblem };

/** Reads and parses one file: absent, a document, or a problem at '(file)' (unreadable) or '(root)' (not a JSON object). */
export async function readPolicyFile(io: PolicyIo, path: string, kind: PolicySource['kind']): Promise<FileRead> {
  let text: string | undefined;
  try {
    text = await io.readText(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { found: true, problem: { path: '(file)', message: `cannot read ${path}: ${reason}` } };
  }
  if (text === undefined) return { found: false };
  const json = readJson(text);
  if (!json.ok) return { found: true, problem: { path: '(root)', message: json.error } };
  if (json.value === null || typeof json.value !== 'object' || Array.isArray(json.value)) {
    return { found: true, problem: { path: '(root)', message: 'must be a JSON object' } };
  }
  return { found: true, document: { kind, location: path, document: json.value as JsonObject } };
}
