/**
 * Shared set-up for the recording store tests: a fresh fake-indexeddb per test (a "restart" reopens
 * the same one), hosts with in-memory secret stores, and a logger that keeps its lines.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Logger, LogLevel } from '@common/logging/logger';
import type { LingxiApi } from '@common/contract/api';
import type { SecretStatus } from '@common/contract/ipc';
import { RecordingStore, type RecordingStoreDeps } from '@renderer/features/recording/store';
import { createRecordingsDb, type RecordingsDb } from '@renderer/features/recording/store/recordings-db';
import type { KeyHost } from '@renderer/features/recording/store/recording-key';

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

/** The browser host: its secrets are never used for the recording key (the CryptoKey lives in `keys`). */
export function browserHost(): KeyHost {
  return {
    host: 'browser',
    secrets: {
      get: () => Promise.reject(new Error('the browser host keeps the recording key in IndexedDB')),
      set: () => Promise.reject(new Error('the browser host keeps the recording key in IndexedDB')),
    },
  };
}

/** An Electron host whose secret store keeps values in `values` and reports `protection`. */
export function electronHost(protection: SecretStatus['protection'] = 'os', values = new Map<string, string>()) {
  const secrets: LingxiApi['secrets'] = {
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => {
      if (value === null) values.delete(name);
      else values.set(name, value);
      return { stored: value !== null, protection };
    },
  };
  const host: KeyHost = { host: 'electron', secrets };
  return { host, values };
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
