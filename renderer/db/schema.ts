/**
 * The one Dexie database. Every version is appended here, never edited (Dexie's upgrade rule).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CallDirection, CallOutcome } from '@common/contract/call';

/**
 * How a call in the history ended: the phone's outcome, or `interrupted` for a call the app itself went
 * away during (a crash or a closed window), known afterwards only from its recovered recording.
 */
export type HistoryOutcome = CallOutcome | 'interrupted';

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
  outcome: HistoryOutcome;
  /** JsSIP cause or SIP status, for support. */
  cause: string;
  /** Call quality over the call (features/quality). */
  quality?: CallQualitySummary;
  /** What the agent recorded in wrap-up (features/agent). */
  wrapUp?: {
    code: string | null;
    notes: string;
    /** How wrap-up ended: the agent finished it, the time limit ran out, or a new call interrupted it. */
    endedBy?: 'agent' | 'timeout' | 'call';
  };
}

/** Per-call quality figures kept with the history entry. */
export interface CallQualitySummary {
  samples: number;
  mosAverage: number;
  mosMin: number;
  lossMaxPercent: number;
  jitterMaxMs: number;
  rttMaxMs: number;
  /** Whether any sample crossed a warning threshold. */
  warned: boolean;
}

/** Screen-pop cache: the profiles a CRM lookup returned, by `id:<customerId>` or `phone:<number>`. */
export interface CachedProfiles {
  key: string;
  /** CustomerProfile objects (common/crm/profile-schema.ts), already masked. */
  profiles: unknown[];
  /** Epoch ms of the CRM answer. */
  fetchedAt: number;
}

/** One stretch of time the agent spent in one state (Ready, Not ready + reason, On call, Wrap-up). */
export interface AgentStateEntry {
  id?: number;
  state: 'ready' | 'not-ready' | 'on-call' | 'wrap-up';
  reason?: string;
  /** Epoch ms. */
  startedAt: number;
  /** Epoch ms; undefined while the state lasts. */
  endedAt?: number;
  /** Epoch ms of the last heartbeat while open: where a stretch left open by a crash is closed. */
  lastSeenAt?: number;
}

/** A user setting (what the agent chose; policy locks win over it). */
export interface SettingEntry {
  key: string;
  value: unknown;
}

/** A knowledge article as imported (common/knowledge/package-schema.ts KnowledgeArticle). */
export interface StoredKnowledgeArticle {
  id: string;
  title: string;
  questions: string[];
  body: string;
  tags: string[];
  product?: string | undefined;
  lang: string;
  updatedAt: string;
  deleted: boolean;
  /** Compliance steps the assist pane ticks as the agent says them (package-schema.ts). */
  checklist?: { id: string; label: string; phrases: string[] }[] | undefined;
}

/** Knowledge-base metadata by key (features/knowledge/knowledge-repo.ts): the index snapshot and sync state. */
export interface KnowledgeMetaEntry {
  key: string;
  value: unknown;
}

/** A call's transcript and assist summary (features/assist), kept with the call history. */
export interface StoredTranscript {
  callId: string;
  /** Epoch ms when saved (at hang-up). */
  savedAt: number;
  /** Final utterances, card-like digits already masked. */
  lines: { leg: 'customer' | 'agent'; text: string; startMs: number; endMs: number }[];
  /** The summary as rendered for wrap-up. */
  summary: string;
  /** The wrap-up code the summary suggested. */
  suggestedCode: string | null;
}

/**
 * An opened search result kept for knowledge-base authors (policy knowledge.feedbackExport): an anonymised
 * query, the article, its rank and the day (features/knowledge/search-feedback.ts). No agent, call or
 * customer data.
 */
export interface StoredSearchFeedback {
  id?: number;
  query: string;
  articleId: string;
  title: string;
  rank: number;
  lang: string;
  /** YYYY-MM-DD, local. */
  day: string;
}

/** How a callback attempt ended, as the agent recorded it (features/callbacks). */
export type CallbackOutcome = 'reached' | 'no-answer' | 'wrong-number' | 'declined' | 'done-elsewhere';

/**
 * A promised call back to a customer (features/callbacks). Numbers and notes are personal data: they stay on
 * this machine and the bank's own callback service.
 */
export interface StoredCallback {
  id: string;
  number: string;
  /** Policy `callbacks.reasons` code. */
  reason: string;
  note: string;
  /** Epoch ms: when the customer may be called, from and until. */
  windowStart: number;
  windowEnd: number;
  /** The customer asked for this time: kept even in the quiet hours. */
  customerAsked: boolean;
  /** The customer's own preferred calling time (CRM profile) the window follows, retries included. */
  preference?: string;
  /** `open` until an outcome closes it. */
  status: 'open' | 'closed';
  outcome?: CallbackOutcome;
  /** Unanswered attempts so far (the retry plan's position). */
  attempts: number;
  /** The customer's context when it was promised. */
  customerId?: string;
  customerName?: string;
  intent?: string;
  summary?: string;
  /** The customer is elderly: the callback carries the priority-route cue again. */
  elderly?: boolean;
  /** The call it was promised on. */
  sourceCallId?: string;
  /** Scheduled automatically after a dropped call. */
  automatic?: boolean;
  createdAt: number;
  /** Epoch ms of the last local change (sync: the newer change wins, see callbacks/domain/sync-merge.ts). */
  updatedAt: number;
  /** Changed here since the last sync. */
  dirty: boolean;
}

/** One call placed for a callback, with the call (history, recording) it belongs to. */
export interface StoredCallbackAttempt {
  id?: number;
  callbackId: string;
  /** The phone's call id: the history entry's and the recording's. */
  callId: string;
  startedAt: number;
  outcome?: CallbackOutcome;
}

export type LingxiDb = Dexie & {
  settings: EntityTable<SettingEntry, 'key'>;
  callHistory: EntityTable<CallHistoryEntry, 'id'>;
  agentStates: EntityTable<AgentStateEntry, 'id'>;
  profiles: EntityTable<CachedProfiles, 'key'>;
  kbArticles: EntityTable<StoredKnowledgeArticle, 'id'>;
  kbMeta: EntityTable<KnowledgeMetaEntry, 'key'>;
  transcripts: EntityTable<StoredTranscript, 'callId'>;
  kbFeedback: EntityTable<StoredSearchFeedback, 'id'>;
  callbacks: EntityTable<StoredCallback, 'id'>;
  callbackAttempts: EntityTable<StoredCallbackAttempt, 'id'>;
};

export const DB_NAME = 'lingxi';

/** Declares every schema version on a Dexie instance. */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    settings: 'key',
    callHistory: 'id, startedAt',
  });
  db.version(2).stores({
    agentStates: '++id, startedAt, state',
  });
  db.version(3).stores({
    profiles: 'key, fetchedAt',
    secrets: 'name',
  });
  db.version(4).stores({
    kbArticles: 'id',
    kbMeta: 'key',
  });
  db.version(5).stores({
    transcripts: 'callId, savedAt',
  });
  // The browser host no longer keeps secrets on disk (a copied profile opened them): the table and the
  // CRM token and key in it are deleted. The CRM token is now kept for the page's session only.
  db.version(6).stores({
    secrets: null,
  });
  // Knowledge search feedback (issue 24): opened results, kept only while knowledge.feedbackExport is on.
  db.version(7).stores({
    kbFeedback: '++id',
  });
  // Callbacks (issue 27): promised calls and every attempt at them, with the call each attempt was.
  db.version(8).stores({
    callbacks: 'id, windowStart, status',
    callbackAttempts: '++id, callbackId, callId',
  });
}
