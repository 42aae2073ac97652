/**
 * The end record of a keyed (version 2) chain: when a recording stops, its chunk count, final chain
 * head and end reason are sealed with an HMAC-SHA-256 under the chain key, together with the manifest
 * fields the bank relies on (call, start and end, paused spans, recorder restarts). Deleting the last
 * chunks and editing the manifest to match then fails (`truncated`), editing the record or those fields
 * fails (`seal-invalid`), and removing the record from a closed recording fails (`unsealed`).
 *
 * MAC input: the UTF-8 JSON of the array
 *   ["lingxi-end/2", id, callId, startedAt, endedAt, chunks, chainHead, reason,
 *    [[startMs, endMs, by, reason|null] …], [[atMs, lastAudioMs, seq, mimeType] …]
 *    (, [[startMs, endMs, reason] …] of the withheld customer spans, when there are any)]
 * (arrays, so the bytes do not depend on how a stored object orders its keys).
 */
import type { EndReason, EndRecord, RecordingManifest, VerifyResult } from '../types';
import { hmacHex } from './hash-chain';

const LABEL = 'lingxi-end/2';

function macInput(manifest: RecordingManifest, chunks: number, chainHead: string, reason: EndReason): Uint8Array<ArrayBuffer> {
  const paused = manifest.paused.map((p) => [p.startMs, p.endMs ?? null, p.by, p.reason ?? null]);
  const restarts = (manifest.restarts ?? []).map((r) => [r.atMs, r.lastAudioMs, r.seq, r.mimeType]);
  const fields = [LABEL, manifest.id, manifest.callId, manifest.startedAt, manifest.endedAt ?? null, chunks, chainHead, reason, paused, restarts];
  // Only recordings that have withheld spans seal them, so the records sealed before they existed still hold.
  if (manifest.withheld?.length) fields.push(manifest.withheld.map((w) => [w.startMs, w.endMs, w.reason]));
  return new TextEncoder().encode(JSON.stringify(fields));
}

/** The end record of `manifest` as it stands now (its endedAt and paused spans already closed). */
export async function sealEnd(chainKey: CryptoKey, manifest: RecordingManifest, reason: EndReason): Promise<EndRecord> {
  const mac = await hmacHex(chainKey, macInput(manifest, manifest.chunks, manifest.chainHead, reason));
  return { chunks: manifest.chunks, chainHead: manifest.chainHead, reason, mac };
}

/**
 * Checks a closed version 2 recording's end record: present, and its HMAC matches the record and the
 * manifest's sealed fields. Returns the record when it holds; the chain is then checked against it.
 */
export async function checkEnd(chainKey: CryptoKey, manifest: RecordingManifest): Promise<{ ok: true; end: EndRecord } | Extract<VerifyResult, { ok: false }>> {
  const end = manifest.end;
  if (!end) return { ok: false, seq: manifest.chunks, reason: 'unsealed' };
  const expected = await hmacHex(chainKey, macInput(manifest, end.chunks, end.chainHead, end.reason));
  if (expected !== end.mac) return { ok: false, seq: Math.min(manifest.chunks, end.chunks), reason: 'seal-invalid' };
  return { ok: true, end };
}
