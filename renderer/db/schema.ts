/**
 * The one Dexie database. Every version is appended here, never edited (Dexie's upgrade rule).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CallDirection, CallOutcome } from '../features/phone/sip/types';

/** One finished call in the agent's history. Numbers are personal data: they stay on this machine. */
export interface CallHistoryEntry {
  id: string;
  direction: CallDirection;
  number: string;
  displayName: string;
  /** Epoch ms. */
  startedAt: number;
  answeredAt?: number;
  endedAt: number;
  /** Talk time in ms (0 when never answered). */
  durationMs: number;
  outcome: CallOutcome;
  /** JsSIP cause or SIP status, for support. */
  cause: string;
}

/** A user setting (what the agent chose; policy locks win over it). */
export interface SettingEntry {
  key: string;
  value: unknown;
}

export type LingxiDb = Dexie & {
  settings: EntityTable<SettingEntry, 'key'>;
  callHistory: EntityTable<CallHistoryEntry, 'id'>;
};

export const DB_NAME = 'lingxi';

/** Declares every schema version on a Dexie instance. */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    settings: 'key',
    callHistory: 'id, startedAt',
  });
}
