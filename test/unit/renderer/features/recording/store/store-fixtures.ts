/**
 * Shared set-up for the recording store tests: a fresh fake-indexeddb per test (a "restart" reopens
 * the same one), hosts with in-memory secret stores, and a logger that keeps its lines.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Logger, LogLevel } from '@common/logging/logger';
import type { SecretStatus } from '@common/contract/ipc';
import { RecordingStore, type RecordingStoreDeps } from '@renderer/features/recording/store';
import { createRecordingsDb, type RecordingsDb } from '@renderer/features/recording/store/recordings-db';
import type { KeyHost } from '@renderer/features/recording/store/recording-key';
import { createRecordingKeyGrants } from '@main/features/secrets/recording-key-grant';
import type { SecretStore } from '@main/features/secrets/secret-store';

export interface LogLine {
  level: LogLevel;
  message: string;
  error?: unknown;
}

/** A logger that records what IT would read. */
export function memoryLog(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLevel) => (message: string, error?: unknown) =>
    void lines.push({ level, message, ...(error === undefined ? {} : { error }) });
  return { log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

/** The browser host: it hands out no key (the CryptoKey lives in the recordings database's `keys`). */
export function browserHost(): KeyHost {
  return {
    host: 'browser',
    recording: { takeKey: () => Promise.reject(new Error('the browser host keeps the recording key in IndexedDB')) },
  };
}

/**
 * An Electron host: main's real key grant (main/features/secrets/recording-key-grant.ts) over an in-memory
 * secret store holding `values` with `protection`. `unreadable` names what the OS cannot decrypt now;
 * `reload()` starts a new page load (which may take the key once more); `failWrites` makes storing fail.
 */
export function electronHost(protection: SecretStatus['protection'] = 'os', values = new Map<string, string>()) {
  const unreadable = new Set<string>();
  const control = { failWrites: false };
  const secrets: Pick<SecretStore, 'read' | 'set' | 'protection'> = {
    read: async (name) => {
      const value = values.get(name);
      if (value === undefined) return { kind: 'absent' };
      return unreadable.has(name) ? { kind: 'unreadable', reason: 'the keyring is locked' } : { kind: 'present', value };
    },
    set: async (name, value) => {
      if (control.failWrites) throw new Error('the operating system offers no secret storage here; the secret was not stored');
      if (value === null) values.delete(name);
      else values.set(name, value);
      return { stored: value !== null, protection, persistence: 'kept' };
    },
    protection: () => protection,
  };
  const mainLog = memoryLog();
  const grants = createRecordingKeyGrants(secrets, mainLog.log);
  const page = 1;
  const host: KeyHost = { host: 'electron', recording: { takeKey: () => grants.take(page) } };
  return { host, values, unreadable, control, mainLines: mainLog.lines, reload: () => grants.forget(page) };
}

/** One machine's disk: stores made from it share the database (a second store = the app restarted). */
export function fakeDisk() {
  const factory = new IDBFactory();
  return { db: (): RecordingsDb => createRecordingsDb({ indexedDB: factory, IDBKeyRange }) };
}

export type TestStore = { store: RecordingStore; db: RecordingsDb; lines: LogLine[] };

/** A store on `disk` (a fresh one unless given) with a 16 MB cache, warning at 80 %. */
export function makeStore(overrides: Partial<RecordingStoreDeps> = {}, disk = fakeDisk()): TestStore {
  const { log, lines } = memoryLog();
  const db = overrides.db ?? disk.db();
  const store = new RecordingStore({
    db,
    host: browserHost(),
    log,
    storage: { persist: async () => true },
    locks: null,
    cacheLimitMb: 16,
    warnAtPercent: 80,
    ...overrides,
  });
  return { store, db, lines };
}

/** A call's recording data. */
export const call = {
  callId: 'call-1',
  direction: 'incoming' as const,
  number: '13800138000',
  mimeType: 'audio/webm;codecs=opus',
  startedAt: Date.UTC(2025, 0, 6, 9, 0, 0),
};

/** A distinct slice of "audio": `size` bytes starting at value `n`. */
export function slice(n: number, size = 64): ArrayBuffer {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (n * 31 + i) & 0xff;
  return bytes.buffer;
}

/** Begins a recording and appends `count` slices (1 s apart), optionally finishing it. */
export async function recordSlices(store: RecordingStore, count: number, options: { finish?: boolean; size?: number } = {}) {
  const id = await store.begin(call);
  const slices = Array.from({ length: count }, (_, n) => slice(n, options.size));
  for (const [n, data] of slices.entries()) await store.append(id, data, (n + 1) * 1000);
  if (options.finish ?? true) await store.finish(id, call.startedAt + count * 1000);
  return { id, slices };
}

/** The bytes of some slices, concatenated. */
export function concat(parts: readonly ArrayBuffer[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(new Uint8Array(part), at);
    at += part.byteLength;
  }
  return out;
}

/** The value, or a test failure saying what was missing. */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`expected a ${what}`);
  return value;
}
