/**
 * Test support for the upload queue: an in-memory recording cache with the store's upload transitions,
 * recordings whose manifest chunk hashes really describe their audio, and a tus file reader that lets
 * tus-js-client's Node build (these tests run in Node) send a Blob, as the browser build does.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { UploadOptions } from 'tus-js-client';
import type { UploadQueueStore } from '@renderer/features/recording/upload/uploader';
import { DamagedRecordingError, type QuarantineExport, type RecordingExport, type RecordingManifest } from '@renderer/features/recording/types';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface TestRecording {
  manifest: RecordingManifest;
  audio: Buffer;
  exported: RecordingExport;
}

/** A finished recording of `bytes` random audio bytes in 3 chunks, in state `state`. */
export function makeRecording(id: string, bytes: number, state: RecordingManifest['state'] = 'saved'): TestRecording {
  const audio = randomBytes(bytes);
  const cut = [0, Math.floor(bytes / 3), Math.floor((2 * bytes) / 3), bytes];
  const chunks = [0, 1, 2].map((seq) => {
    const slice = audio.subarray(cut[seq], cut[seq + 1]);
    return { seq, atMs: (seq + 1) * 1000, bytes: slice.length, sha256: sha256(slice), entryHash: `entry-${seq}` };
  });
  const startedAt = Date.now() - 10_000;
  const manifest: RecordingManifest = {
    id,
    callId: `call-${id}`,
    direction: 'incoming',
    number: '13800000000',
    startedAt,
    endedAt: startedAt + 3000,
    state,
    mimeType: 'audio/webm;codecs=opus',
    chunks: 3,
    bytes,
    chainHead: 'entry-2',
    paused: [],
  };
  const exported: RecordingExport = {
    audio: new Blob([audio], { type: manifest.mimeType }),
    audioSha256: sha256(audio),
    manifest: {
      format: 'lingxi-recording/1',
      chainVersion: 2,
      recordingId: id,
      callId: manifest.callId,
      direction: 'incoming',
      number: manifest.number,
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(startedAt + 3000).toISOString(),
      recovered: state === 'recovered',
      mimeType: manifest.mimeType,
      channels: { left: 'customer', right: 'agent' },
      paused: [],
      chunks,
      audioSha256: sha256(audio),
      chainHead: 'entry-2',
    },
  };
  return { manifest, audio, exported };
}

export interface StoreCall {
  method: 'markUploading' | 'markUploadFailed' | 'markUploaded' | 'markQuarantined' | 'purgeExpired';
  id?: string;
  args: unknown[];
  /** Epoch ms of the call. */
  at: number;
}

/** The recording cache's upload side, in memory, with the transitions the real store makes. */
export class FakeRecordingStore implements UploadQueueStore {
  readonly calls: StoreCall[] = [];
  private readonly rows = new Map<string, RecordingManifest>();
  private readonly exports = new Map<string, RecordingExport>();
  private readonly damaged = new Set<string>();
  private readonly listeners = new Set<() => void>();
  /** Ids export() was asked for, in order. */
  readonly exported: string[] = [];

  add(recording: TestRecording): void {
    this.rows.set(recording.manifest.id, structuredClone(recording.manifest));
    this.exports.set(recording.manifest.id, recording.exported);
    this.changed();
  }

  /** export() of this recording will find its hash chain broken. */
  breakChain(id: string): void {
    this.damaged.add(id);
  }

  row(id: string): RecordingManifest {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no recording ${id}`);
    return row;
  }

  callsOf(method: StoreCall['method'], id?: string): StoreCall[] {
    return this.calls.filter((c) => c.method === method && (id === undefined || c.id === id));
  }

  async list(): Promise<RecordingManifest[]> {
    return [...this.rows.values()].map((r) => structuredClone(r));
  }

  async export(id: string): Promise<RecordingExport> {
    this.exported.push(id);
    if (this.damaged.has(id)) {
      this.row(id).state = 'damaged';
      this.changed();
      throw new DamagedRecordingError(id, 1, 'entry hash does not match');
    }
    const exported = this.exports.get(id);
    if (!exported) throw new Error(`no recording ${id}`);
    return exported;
  }

  /** As the real store: one more attempt, no retry pending. */
  async markUploading(id: string): Promise<void> {
    this.calls.push({ method: 'markUploading', id, args: [], at: Date.now() });
    const row = this.row(id);
    row.state = 'uploading';
    row.upload = { ...row.upload, attempts: (row.upload?.attempts ?? 0) + 1, nextAttemptAt: undefined };
    this.changed();
  }

  async markUploadFailed(id: string, error: string, nextAttemptAt: number): Promise<void> {
    this.calls.push({ method: 'markUploadFailed', id, args: [error, nextAttemptAt], at: Date.now() });
    const row = this.row(id);
    row.upload = { attempts: 0, ...row.upload, lastError: error, nextAttemptAt };
    this.changed();
  }

  async markUploaded(id: string, ack: { urls: string[]; uploadedAt: number }, retentionDays: number): Promise<void> {
    this.calls.push({ method: 'markUploaded', id, args: [ack, retentionDays], at: Date.now() });
    const row = this.row(id);
    row.state = 'uploaded';
    row.upload = { attempts: row.upload?.attempts ?? 0, uploadedAt: ack.uploadedAt, urls: ack.urls };
    row.deleteAfter = ack.uploadedAt + retentionDays * 86_400_000;
    this.changed();
  }

  /** As the real store: the audio of the chunk before the break (chunk 1), and the verdict. */
  async exportQuarantine(id: string): Promise<QuarantineExport> {
    const exported = this.exports.get(id);
    if (!exported || !this.damaged.has(id)) throw new Error(`recording ${id} is not damaged`);
    const first = exported.manifest.chunks.slice(0, 1);
    const audio = (await exported.audio.arrayBuffer()).slice(0, first[0]?.bytes ?? 0);
    const audioSha256 = sha256(new Uint8Array(audio));
    const verdict = { seq: 1, reason: 'altered' as const, detail: 'chunk 1 of 3: altered', claimedChunks: 3 };
    return { audio: new Blob([audio]), audioSha256, manifest: { ...exported.manifest, chunks: first, audioSha256, quarantine: verdict } };
  }

  async markQuarantined(id: string, ack: { urls: string[]; uploadedAt: number }): Promise<void> {
    this.calls.push({ method: 'markQuarantined', id, args: [ack], at: Date.now() });
    const row = this.row(id);
    row.quarantinedAt = ack.uploadedAt;
    row.upload = { attempts: (row.upload?.attempts ?? 0) + 1, urls: ack.urls };
    this.changed();
  }

  async purgeExpired(now: number): Promise<void> {
    this.calls.push({ method: 'purgeExpired', args: [now], at: Date.now() });
    for (const row of this.rows.values()) {
      if (row.state === 'uploaded' && !row.audioDeleted && row.deleteAfter !== undefined && row.deleteAfter <= now) {
        row.audioDeleted = true;
        this.changed();
      }
    }
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * tus-js-client's Node build reads Buffers and streams only; the renderer hands it Blobs (its browser
 * build reads those). This reader gives the Node build Blob slices as Buffers, nothing more.
 */
export const blobFileReader: NonNullable<UploadOptions['fileReader']> = {
  openFile: async (input: unknown) => {
    if (!(input instanceof Blob)) throw new Error('blobFileReader reads Blobs only');
    return {
      size: input.size,
      slice: async (start: number, end: number) => {
        const bytes = Buffer.from(await input.slice(start, end).arrayBuffer());
        // The Node build reads the slice length from `size` (its own BufferSource sets it the same way).
        return { value: Object.assign(bytes, { size: bytes.length }), done: end >= input.size };
      },
      close: () => undefined,
    };
  },
};
