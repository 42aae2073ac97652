/**
 * Wires agent assist: one AssistSession per answered call, fed by the transcription events of both
 * legs; knowledge suggestions from the search worker; the PCI guard on the recording; the summary in
 * wrap-up; the transcript saved with the call. Sessions outlive nothing: they end with their call.
 */
import type { Policy } from '@common/contract/policy';
import { writeWhileRefused } from '../../db/storage-refusal';
import { createLogger } from '../../platform/logger';
import type { ServiceStore } from '../../platform/store';
import type { KnowledgeActions } from '../knowledge';
import type { PausedBy } from '../recording';
import { ageOn, selectTrustedCti } from '../screenpop';
import type { CallLifecycle, CallSnapshot } from '../phone';
import type { UiLanguage } from './analysis';
import { AssistSession, type AssistEvent } from './assist-session';
import { setHealth, setSummary, setView } from './assist-state';
import { saveTranscript } from './transcript-repo';
import type { BoardHit } from './suggestion-board';
import { onTranscript, onTranscriptionStatus, transcriptionStatuses } from './transcription/transcript-events';

const log = createLogger('assist');
const TICK_MS = 500;
/** Worst first. */
const SEVERITY = ['error', 'unavailable', 'connecting', 'ready'];
/** The performance measure from a customer final reaching the page to its suggestions on screen (bench). */
export const SUGGESTION_MEASURE = 'lingxi:assist:suggestion';

const eventListeners = new Set<(event: AssistEvent) => void>();

/** Supervision subscribes here: keyword alerts, frustration, PCI pauses. Returns the unsubscribe function. */
export function onAssistEvent(listener: (event: AssistEvent) => void): () => void {
  eventListeners.add(listener);
  return () => void eventListeners.delete(listener);
}

/** What assist asks of its sibling features, handed over by bootstrap. */
export interface AssistPorts {
  /** The knowledge base: suggestions are searched, checklists read from articles. */
  knowledge: KnowledgeActions;
  /** The recording's pause, for the PCI guard (false when the call is not being recorded). */
  recording: {
    /** `fromEpochMs`: a back-dated start (Date.now() time), for the PCI guard. */
    pause(callId: string, by: PausedBy, reason?: string, fromEpochMs?: number): boolean;
    resume(callId: string, by: PausedBy): boolean;
  };
}

/**
 * Starts assist for a valid policy: a session from each call's answer (`lifecycle`) to its end.
 * The store is watched for screen pops only (the elderly flag).
 */
export function startAssist(policy: Policy, store: ServiceStore, lifecycle: CallLifecycle, ports: AssistPorts): void {
  const sessions = new Map<string, { session: AssistSession; answeredAt: number; call: CallSnapshot }>();
  /** performance.now() of each customer final by call and end time, to measure suggestion latency. */
  const finalsAt = new Map<string, number>();

  const search = async (query: string): Promise<BoardHit[]> => {
    const hits = await ports.knowledge.search(query);
    return hits.slice(0, 5).map((hit) => ({ id: hit.id, title: hit.title, score: hit.score, answer: (hit.excerpt ?? hit.match).text }));
  };
  const checklistOf = async (articleId: string) => (await ports.knowledge.article(articleId))?.checklist ?? null;
  const elderlyOf = (callId: string): boolean => {
    const pop = store.getState().pops.find((p) => p.callId === callId);
    const profile = pop && pop.selected !== null ? pop.profiles[pop.selected] : undefined;
    return profile?.birthDate ? ageOn(profile.birthDate, new Date()) >= policy.crm.elderlyAge : false;
  };

  const open = (call: CallSnapshot) => {
    const answeredAt = call.answeredAt ?? Date.now();
    const session = new AssistSession(
      call.id,
      {
        policy: policy.assist,
        search,
        checklistOf,
        pauseRecording: (fromMs) => {
          const fromEpochMs = answeredAt + fromMs;
          // IT's log (and the e2e figures): how far back the guard reached when it decided.
          log.info(`call ${call.id}: card data heard, recording paused from ${Date.now() - fromEpochMs} ms ago`);
          ports.recording.pause(call.id, 'pci-guard', 'card number', fromEpochMs);
        },
        resumeRecording: () => void ports.recording.resume(call.id, 'pci-guard'),
        emit: (event) => {
          if (event.type === 'keyword' && event.kind === 'alert') log.info(`call ${call.id}: alert ${event.ruleId}${event.provisional ? ' (from a partial)' : ''}`);
          if (event.type === 'keyword-withdrawn' && event.kind === 'alert') log.info(`call ${call.id}: alert ${event.ruleId} withdrawn (the final did not say it)`);
          for (const listener of eventListeners) listener(event);
        },
        update: (view) => setView(call.id, view),
        suggested: (endMs) => {
          const key = `${call.id}:${endMs}`;
          const at = finalsAt.get(key);
          finalsAt.delete(key);
          // Measured once the cards are painted: the frame after the state update.
          if (at !== undefined) requestAnimationFrame(() => performance.measure(SUGGESTION_MEASURE, { start: at, end: performance.now() }));
        },
        now: () => Date.now() - answeredAt,
      },
      { elderly: elderlyOf(call.id) },
    );
    sessions.set(call.id, { session, answeredAt, call });
    // Only a trusted source's intent: any caller can write X-Intent.
    const intent = selectTrustedCti(store.getState(), call.id).intent;
    if (intent) session.intent(intent);
  };

  const close = (callId: string, transferred: boolean) => {
    const entry = sessions.get(callId);
    if (!entry) return;
    sessions.delete(callId);
    const state = store.getState();
    const { summary, text, lines } = entry.session.finish(policy.agent.wrapUp.codes, state.language as UiLanguage, transferred);
    setView(callId, null);
    setHealth(callId, null);
    setSummary({ callId, summary, text });
    if (lines.length === 0) return;
    const transcript = {
      callId,
      savedAt: Date.now(),
      lines: lines.map(({ leg, text: said, startMs, endMs }) => ({ leg, text: said, startMs, endMs })),
      summary: text,
      suggestedCode: summary.wrapUp?.code ?? null,
    };
    // A full disk refuses it for a while: kept and written once space is back.
    writeWhileRefused(() => saveTranscript(transcript)).catch((error: unknown) => log.error(`transcript of call ${callId} not saved`, error));
  };

  lifecycle.subscribe((event) => {
    if (event.type === 'answered' && !sessions.has(event.call.id)) open(event.call);
    // A call that ends while its REFER is pending went to the transfer target: the summary says so.
    if (event.type === 'ended') close(event.call.id, event.end.call.transfer?.state === 'transferring');
  });
  store.subscribe((next, previous) => {
    if (next.pops !== previous.pops) for (const [callId, { session }] of sessions) session.setElderly(elderlyOf(callId));
  });

  onTranscript((event) => {
    const entry = sessions.get(event.callId);
    if (!entry) return;
    if (event.final && event.leg === 'customer') finalsAt.set(`${event.callId}:${event.endMs}`, event.receivedAt);
    entry.session.feed({ leg: event.leg, text: event.text, startMs: event.startMs, endMs: event.endMs, final: event.final });
  });
  onTranscriptionStatus((status) => {
    // The pane shows the worse of the call's two legs: one leg unavailable is worth telling the agent.
    const legs = transcriptionStatuses().filter((s) => s.callId === status.callId);
    const worst = legs.sort((a, b) => SEVERITY.indexOf(a.state) - SEVERITY.indexOf(b.state))[0] ?? status;
    setHealth(status.callId, { state: worst.state, ...(worst.reason ? { reason: worst.reason } : {}) });
  });
  setInterval(() => {
    for (const { session } of sessions.values()) session.tick();
  }, TICK_MS);
}
