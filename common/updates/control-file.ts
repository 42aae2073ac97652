/**
 * The kill switch: `lingxi-control.json`, published by IT beside the update metadata, and its verdict on a
 * version. Read by main (Electron) and by the browser host alike. Pure zod + fetch.
 */
import { z } from 'zod';
import { parseJson } from '../json';
import { localizedLabelSchema } from '../contract/policy-agent';
import { parseRange, parseVersion, compareVersions } from './version-range';
import type { KillSwitchVerdict } from './update-status';

export const CONTROL_FILE_NAME = 'lingxi-control.json';

const versionText = z.string().refine((v) => parseVersion(v) !== undefined, 'must be a version such as "1.4.2"');
const rangeText = z
  .string()
  .refine((r) => parseRange(r) !== undefined, 'must be a version ("1.4.2") or a range (">=1.4.0 <1.4.3", "1.4.x", "1.4.2 || 1.4.5")');

/** Strict: a misspelt key ("blockedVersion") must be an error IT sees, never a kill switch silently ignored. */
export const controlFileSchema = z.strictObject({
  /** Versions that must stop taking calls and update (exact versions or ranges). */
  blockedVersions: z.array(rangeText).default([]),
  /** Every older version is treated as blocked. */
  minimumVersion: versionText.optional(),
  /** What the banner adds, per UI language (a plain string is shown in every language). */
  message: z.union([z.string().min(1).max(500), localizedLabelSchema]).optional(),
});
export type ControlFile = z.infer<typeof controlFileSchema>;

/** The kill switch file's URL beside the update metadata at `updatesUrl`. */
export function controlFileUrl(updatesUrl: string): string {
  return new URL(CONTROL_FILE_NAME, updatesUrl.endsWith('/') ? updatesUrl : `${updatesUrl}/`).href;
}

/** The verdict on `version`: blocked by a listed range, too old for minimumVersion, or allowed. */
export function judgeVersion(control: ControlFile, version: string): KillSwitchVerdict {
  const parsed = parseVersion(version);
  if (!parsed) return { kind: 'allowed' };
  const range = control.blockedVersions.find((r) => parseRange(r)?.(parsed));
  if (range !== undefined) return { kind: 'blocked', range };
  const minimum = control.minimumVersion === undefined ? undefined : parseVersion(control.minimumVersion);
  if (minimum && compareVersions(parsed, minimum) < 0) return { kind: 'too-old', minimumVersion: control.minimumVersion ?? '' };
  return { kind: 'allowed' };
}

export type ControlFileRead = { ok: true; control: ControlFile | null } | { ok: false; error: string };

/**
 * Fetches and validates the kill switch file. `control: null`: the server answered 404, IT published none
 * (nothing is blocked). A server that does not answer, another HTTP error or a corrupt file is an error in
 * words IT can act on; the caller keeps its last verdict and tries again later.
 */
/**
 * The fetch the host has (Electron's net.fetch, the browser's fetch). It should bypass the HTTP cache
 * (`cache: 'no-store'`), so a new kill switch takes effect within checkMinutes; a cache header is not used, as
 * it would make the browser host's request need a CORS preflight the bank's server may not answer.
 */
export type ControlFetch = (url: string, init: { signal: AbortSignal }) => Promise<Response>;

export async function readControlFile(fetchFn: ControlFetch, updatesUrl: string, timeoutMs = 15_000): Promise<ControlFileRead> {
  const url = controlFileUrl(updatesUrl);
  let response: Response;
  try {
    response = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    // fetch says only "fetch failed": the cause names what happened (ECONNREFUSED, a closed socket, a timeout).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    return { ok: false, error: `kill switch ${url} could not be fetched: ${why}` };
  }
  if (response.status === 404) return { ok: true, control: null };
  if (!response.ok) return { ok: false, error: `kill switch ${url} answered HTTP ${response.status}` };
  const parsed = parseJson(controlFileSchema, await response.text());
  if (!parsed.ok) return { ok: false, error: `kill switch ${url} is not valid: ${parsed.errors.join('; ')}` };
  return { ok: true, control: parsed.value };
}
