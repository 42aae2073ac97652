/**
 * What one recording is uploaded as: its audio file and its manifest JSON, each with the metadata the
 * store files it under and the SHA-256 it must acknowledge.
 */
import type { QuarantineExport, RecordingExport } from '../types';
import type { PartName } from './part-upload';

export interface RecordingPart {
  name: PartName;
  data: Blob;
  sha256: string;
  metadata: Record<string, string>;
}

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The two parts, audio first: a store that sees a manifest can rely on the audio it names being there.
 * The manifest is serialised once per attempt; the same export gives the same bytes, so its
 * fingerprint (and a stored resumable upload) survives a restart. `extra`: metadata both parts carry
 * (`quarantine: '1'` for a damaged recording's).
 */
export async function recordingParts(exported: RecordingExport | QuarantineExport, extra: Record<string, string> = {}): Promise<RecordingPart[]> {
  const { manifest } = exported;
  const common = { recordingId: manifest.recordingId, callId: manifest.callId, ...extra };
  const json = new TextEncoder().encode(JSON.stringify(manifest));
  const manifestSha = await sha256Hex(json);
  return [
    {
      name: 'audio',
      data: exported.audio,
      sha256: exported.audioSha256,
      metadata: { ...common, filetype: manifest.mimeType },
    },
    {
      name: 'manifest',
      data: new Blob([json], { type: 'application/json' }),
      sha256: manifestSha,
      metadata: { ...common, filetype: 'application/json' },
    },
  ];
}
