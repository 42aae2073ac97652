/**
 * The recording feature's shared shapes: the manifest (one per recording), the encrypted chunk rows,
 * and the seams between capture (recorder), storage (store/) and upload (upload/).
 */

/** What the agent and IT see for a recording. */
export type RecordingState =
  /** Capture is running; chunks are being committed. */
  | 'recording'
  /** Ended normally; every chunk committed; waiting for upload. */
  | 'saved'
  /** An upload is in progress (or waiting for its next retry). */
  | 'uploading'
  /** The store acknowledged it with a matching hash; local audio kept until `deleteAfter`. */
  | 'uploaded'
  /** Left open by a crash and closed at the next start with every committed chunk; waiting for upload. */
  | 'recovered'
  /** The hash chain is broken (a chunk missing, reordered or altered): never uploaded as if sound. */
  | 'damaged';

/** Who paused the recording: the agent's button, or a trigger through the recording API (the assist pane's PCI guard). */
export type PausedBy = 'agent' | 'pci-guard' | 'api';

/** A stretch with nothing captured. Offsets are ms from the recording's start (the audio timeline). */
export interface PausedInterval {
  startMs: number;
  /** Undefined while still paused. */
  endMs?: number;
  by: PausedBy;
  reason?: string;
}

/**
 * The recorder failed mid-call and another took over (the encoded tap's worker died or stalled, and the
 * WebAudio recorder went on): the audio from `lastAudioMs` to `atMs` is lost, and from chunk `seq` on
 * the recording is a second file of its own (`mimeType`) that starts at `atMs`.
 */
export interface RecorderRestart {
  /** Where the new recorder's audio starts (ms from the recording start). */
  atMs: number;
  /** The end of the audio the failed recorder left (ms from the recording start). */
  lastAudioMs: number;
  /** First chunk of the new recorder's file. */
  seq: number;
  mimeType: string;
}

/** One recording's manifest row. */
export interface RecordingManifest {
  id: string;
  callId: string;
  direction: 'incoming' | 'outgoing';
  /** The other party's number (personal data: stays on this machine and goes only to the bank's store). */
  number: string;
  /** Epoch ms of the first captured audio. */
  startedAt: number;
  /** Epoch ms of the end marker; undefined while recording (or after a crash, until recovery). */
  endedAt?: number;
  state: RecordingState;
  /** MediaRecorder's container and codec, e.g. `audio/webm;codecs=opus`. */
  mimeType: string;
  /** Committed chunks. */
  chunks: number;
  /** Committed plaintext audio bytes. */
  bytes: number;
  /** Entry hash of the last committed chunk (hex SHA-256); "" before the first one. */
  chainHead: string;
  paused: PausedInterval[];
  /** Recorder restarts, in order; absent when one recorder made the whole recording. */
  restarts?: RecorderRestart[];
  /** Customer audio left out of the file (silence there); absent when none was. */
  withheld?: WithheldSpan[];
  /** Upload bookkeeping (features/recording/upload). */
  upload?: UploadStatus;
  /** Epoch ms after which the local audio of an uploaded recording is deleted (retention). */
  deleteAfter?: number;
  /** Set once the local audio is gone (after upload and retention): the row stays as the history's record. */
  audioDeleted?: boolean;
  /** Why a recording is damaged: the first broken chunk and what is wrong with it. */
  damage?: { seq: number; reason: DamageReason };
  /** Epoch ms when the store's quarantine acknowledged this damaged recording and its verdict. */
  quarantinedAt?: number;
  /** Epoch ms when crash recovery closed it (it stays true to its origin after it moves on to uploading). */
  recoveredAt?: number;
  /**
   * The hash chain's version: 2, keyed (each entry an HMAC-SHA-256 under the install's chain key, and an
   * `end` record sealed when the recording closes). Absent: version 1, an unkeyed SHA-256 chain written
   * before the chain was keyed; still readable, with no end record.
   */
  chain?: 2;
  /** The end record of a version 2 chain, sealed when the recording stopped (or when recovery closed it). */
  end?: EndRecord;
}

/** Why a recording stopped: its call ended, or the app died and recovery closed it at the next start. */
export type EndReason = 'call-ended' | 'crash';

/**
 * What a recording held when it stopped, with an HMAC-SHA-256 (`mac`, hex) under the chain key over it and
 * over the manifest fields the bank relies on (store/end-record.ts): deleting the last chunks and editing
 * the manifest to match no longer verifies without the key.
 */
export interface EndRecord {
  chunks: number;
  chainHead: string;
  reason: EndReason;
  mac: string;
}

/** What is wrong with the first broken chunk of a damaged recording. */
export type DamageReason =
  /** A chunk the manifest counts is not in the cache. */
  | 'missing'
  /** A chunk sits at another position than the one it was committed at. */
  | 'reordered'
  /** A chunk's bytes or hashes were changed. */
  | 'altered'
  /** AES-GCM rejected the chunk: tampered ciphertext, or the install's key is gone. */
  | 'decrypt-failed'
  /** Fewer chunks than the end record sealed: the last ones were deleted (the manifest edited to match). */
  | 'truncated'
  /** A closed recording with a keyed chain but no end record: it was removed. */
  | 'unsealed'
  /** The end record's HMAC does not match the manifest: the end record or the manifest was edited. */
  | 'seal-invalid';

/** The outcome of checking a recording's hash chain and ciphertext. */
export type VerifyResult = { ok: true } | { ok: false; seq: number; reason: DamageReason };

export interface UploadStatus {
  attempts: number;
  /** Epoch ms of the next retry (backoff), if one is scheduled. */
  nextAttemptAt?: number;
  lastError?: string;
  /** Epoch ms when the store acknowledged every part with a matching SHA-256. */
  uploadedAt?: number;
  /** The store's URLs of the uploaded parts, for IT. */
  urls?: string[];
}

/**
 * One committed chunk: AES-GCM ciphertext of one MediaRecorder slice (≈1 s of stereo Opus), linked into
 * a hash chain: `entryHash = SHA-256(prevHash ‖ seq ‖ cipherSha256)` (hex), so a missing, reordered or
 * altered chunk breaks the chain.
 */
export interface RecordingChunk {
  recordingId: string;
  /** 0, 1, 2 … in capture order. */
  seq: number;
  /** Offset of the slice's end from the recording start (ms). */
  atMs: number;
  iv: Uint8Array<ArrayBuffer>;
  ciphertext: ArrayBuffer;
  /** Hex SHA-256 of the ciphertext. */
  cipherSha256: string;
  /** Hex SHA-256 of the plaintext slice (goes into the uploaded manifest, so the store can check its copy). */
  plainSha256: string;
  plainBytes: number;
  /** Entry hash of the previous chunk ("" for seq 0). */
  prevHash: string;
  entryHash: string;
}

/** The recording as one playable file plus the manifest the store receives beside it. */
export interface RecordingExport {
  audio: Blob;
  /** Hex SHA-256 of `audio`. */
  audioSha256: string;
  manifest: UploadManifest;
}

/** A damaged recording as the store's quarantine receives it: what verified, and the verdict. */
export interface QuarantineExport {
  audio: Blob;
  audioSha256: string;
  manifest: QuarantineManifest;
}

/** The JSON document uploaded beside the audio: enough for the bank to prove the copy is whole and unaltered. */
export interface UploadManifest {
  format: 'lingxi-recording/1';
  recordingId: string;
  callId: string;
  direction: 'incoming' | 'outgoing';
  number: string;
  startedAt: string;
  endedAt: string | null;
  recovered: boolean;
  mimeType: string;
  /** Channel layout of the audio. */
  channels: { left: 'customer'; right: 'agent' };
  paused: PausedInterval[];
  /**
   * Present when the recorder restarted mid-call: the audio file is then the first recorder's file up
   * to chunk `seq`, followed by each later recorder's own file (split it by the chunks' byte lengths).
   */
  restarts?: RecorderRestart[];
  /** Spans of the customer channel that are silence because they were withheld (see WithheldSpan). */
  withheld?: WithheldSpan[];
  /** Per chunk, in order: plaintext byte length and SHA-256 (the audio file is their concatenation). */
  chunks: { seq: number; atMs: number; bytes: number; sha256: string; entryHash: string }[];
  audioSha256: string;
  chainHead: string;
  /** The hash chain's version (1: unkeyed SHA-256, from before the chain was keyed; 2: HMAC-SHA-256, sealed end). */
  chainVersion: 1 | 2;
  /** Why it stopped (version 2 only): `call-ended`, or `crash` (closed by recovery with what was committed). */
  endReason?: EndReason;
}

/**
 * A damaged recording's verdict for the store's quarantine: which chunk first failed and why, and what
 * the manifest claimed. Its audio is what verified before that chunk (decrypted), so the bank keeps a
 * marked gap instead of nothing.
 */
export interface QuarantineManifest extends Omit<UploadManifest, 'chunks' | 'audioSha256'> {
  quarantine: { seq: number; reason: DamageReason; detail: string; claimedChunks: number };
  /** The chunks the audio holds: the ones before the first failure. */
  chunks: UploadManifest['chunks'];
  audioSha256: string;
}

/** Thrown when audio is read from a recording whose chain or ciphertext does not verify. */
export class DamagedRecordingError extends Error {
  constructor(
    readonly recordingId: string,
    readonly seq: number,
    readonly reason: string,
  ) {
    super(`recording ${recordingId} is damaged at chunk ${seq}: ${reason}`);
    this.name = 'DamagedRecordingError';
  }
}

/**
 * A span of the customer channel the file holds as silence although the call had audio there: the app (or
 * the Opus recorder's worker) stopped while that audio was still in the PCI delay line, not yet vetted for
 * card digits, so the agent's audio of the span was kept and the customer's withheld. ms from the start.
 */
export interface WithheldSpan {
  startMs: number;
  endMs: number;
  /** The app died (crash recovery), or the Opus recorder's worker did and another recorder took over. */
  reason: 'unvetted-at-crash' | 'unvetted-at-restart';
}

/**
 * The provisional end of a recording that is still being made: the audio in the PCI delay line as Ogg pages
 * that continue the file and close it, with the customer's audio withheld from `withheldFromMs` to `endMs`.
 * The store keeps the newest one beside the recording and appends it only if the app dies (CallMux.tail).
 */
export interface ProvisionalTail {
  bytes: ArrayBuffer;
  endMs: number;
  withheldFromMs: number;
}
