/**
 * The assist pane's work for one call: every transcript event goes through the text analysis, customer
 * finals (and the IVR's X-Intent) are searched in the knowledge base, the PCI guard pauses and resumes
 * the recording, alerts go to the agent and to supervision, and at hang-up the summary is built.
 * No React and no globals: the service injects search, recording and the view sink.
 */
import type { AssistPolicy } from '@common/contract/policy-assist';
import {
  AssistAnalyzer,
  renderSummary,
  summarizeCall,
  UtteranceStream,
  type CallSummary,
  type ChecklistItem,
  type IntentWeights,
  type ChecklistItemState,
  type KeywordMatch,
  type OfferedCode,
  type PaceEvent,
  type PaceSnapshot,
  type PciDecision,
  type SuggestionSnapshot,
  type TranscriptEvent,
  type UiLanguage,
  type Utterance,
} from './analysis';
import { SuggestionBoard, type BoardHit, type SuggestionCard } from './suggestion-board';

/** A transcript row as shown: masked text and the rule matches to highlight in it. */
export interface TranscriptLine extends Utterance {
  highlights: Pick<KeywordMatch, 'start' | 'end' | 'kind'>[];
}

/** An alert (customer sensitive words) or a quiet warning (agent forbidden phrases). */
export interface AssistAlert {
  id: string;
  kind: 'alert' | 'warning';
  ruleId: string;
  label: KeywordMatch['label'];
  text: string;
  leg: KeywordMatch['leg'];
  atMs: number;
  /** Raised from a partial: the utterance's final confirms it or withdraws it (then it leaves the pane). */
  provisional: boolean;
}

/** What the pane shows for the call. */
export interface SessionView {
  lines: TranscriptLine[];
  cards: SuggestionCard[];
  alerts: AssistAlert[];
  checklist: { articleId: string; title: string; items: ChecklistItemState[] } | null;
  pace: PaceSnapshot;
  sentiment: { trend: number; frustrated: boolean } | null;
  /** The PCI guard holds the recording paused. */
  guarding: boolean;
}

/** Supervision hears about these (the supervisor feature consumes them). */
export type AssistEvent =
  | { type: 'keyword'; callId: string; alertId: string; kind: 'alert' | 'warning'; ruleId: string; text: string; atMs: number; provisional: boolean }
  /** A provisional keyword alert the final confirmed (once), or withdrew: it no longer stands. */
  | { type: 'keyword-confirmed' | 'keyword-withdrawn'; callId: string; alertId: string; kind: 'alert' | 'warning'; ruleId: string; atMs: number }
  | { type: 'frustration'; callId: string; atMs: number }
  | { type: 'pci-pause' | 'pci-resume'; callId: string; atMs: number }
  /** Both talked at once for overlapMs; `by` started second. */
  | { type: 'talk-over'; callId: string; by: TranscriptEvent['leg']; overlapMs: number; atMs: number }
  /** Dead air began (reported once, when it reaches the policy's silenceMs). */
  | { type: 'long-silence'; callId: string; atMs: number };

export interface SessionDeps {
  policy: AssistPolicy;
  search(query: string): Promise<BoardHit[]>;
  checklistOf(articleId: string): Promise<readonly ChecklistItem[] | null>;
  /** Pauses the recording from `fromMs` on the call clock (back-dated: it may be in the past). */
  pauseRecording(fromMs: number): void;
  resumeRecording(): void;
  emit(event: AssistEvent): void;
  update(view: SessionView): void;
  /** A customer final produced suggestions (for the suggestion-latency measure). */
  suggested?(finalAtMs: number): void;
  /** Call clock: ms since answer. */
  now(): number;
  /** The summary's intent weights (default INTENT_WEIGHTS; tools/assist-intent-tune.ts tries others). */
  intentWeights?: IntentWeights;
}

export class AssistSession {
  private readonly analyzer: AssistAnalyzer;
  private readonly stream = new UtteranceStream();
  private readonly board = new SuggestionBoard();
  private readonly lines = new Map<string, TranscriptLine>();
  private readonly transcript: TranscriptEvent[] = [];
  private readonly snapshots: SuggestionSnapshot[] = [];
  private alerts: AssistAlert[] = [];
  /** Alerts raised from a partial of the open utterance, by leg and rule, until its final. */
  private readonly provisional = new Map<string, AssistAlert>();
  private checklist: SessionView['checklist'] = null;
  private sentiment: SessionView['sentiment'] = null;
  private alertCount = 0;
  /** Start of the last long silence told to supervision. */
  private silenceReported: number | null = null;

  constructor(
    readonly callId: string,
    private readonly deps: SessionDeps,
    options: { elderly?: boolean } = {},
  ) {
    this.analyzer = new AssistAnalyzer(deps.policy, { elderly: options.elderly ?? false });
  }

  /** One partial or final of either leg (times on the call clock). */
  feed(event: TranscriptEvent): void {
    const update = this.analyzer.feed(event);
    this.applyPci(update.pci);
    this.reportPace(update.pace);
    const change = this.stream.feed({ ...event, text: update.text });
    if (change?.kind === 'dropped') this.lines.delete(change.id);
    else if (change) this.lines.set(change.utterance.id, { ...change.utterance, highlights: update.highlights.map(({ start, end, kind }) => ({ start, end, kind })) });
    for (const match of update.fired) this.raise(match, event.startMs, !event.final);
    for (const match of update.confirmed) this.settle(match, 'keyword-confirmed', event.endMs);
    for (const match of update.withdrawn) this.settle(match, 'keyword-withdrawn', event.endMs);
    if (update.sentiment) {
      this.sentiment = { trend: update.sentiment.trend, frustrated: update.sentiment.frustrated };
      if (update.sentiment.frustrationStarted) this.deps.emit({ type: 'frustration', callId: this.callId, atMs: event.endMs });
    }
    if (update.ticks.length > 0) this.refreshChecklist();
    if (event.final) this.transcript.push({ ...event, text: update.text });
    this.publish();
    if (event.final && event.leg === 'customer' && update.text.trim() !== '') void this.suggest(update.text, 'customer', event.endMs);
  }

  /** The IVR's X-Intent: searched once at answer, at half weight. */
  intent(text: string): void {
    void this.suggest(text, 'ivr', this.deps.now());
  }

  /** Every ~500 ms: resumes a PCI pause when the digits stopped, refreshes pace and fading suggestions. */
  tick(): void {
    const { pci, pace } = this.analyzer.tick(this.deps.now());
    this.applyPci(pci);
    this.reportPace(pace);
    this.publish();
  }

  setElderly(elderly: boolean): void {
    this.analyzer.setElderly(elderly);
  }

  /** At hang-up: the summary and what to save with the call. */
  finish(offeredCodes: readonly OfferedCode[], language: UiLanguage, transferred: boolean): { summary: CallSummary; text: string; lines: Utterance[] } {
    if (this.analyzer.recordingPaused) this.deps.resumeRecording();
    const summary = summarizeCall(
      { transcript: this.transcript, suggestions: this.snapshots, checklist: this.checklist?.items, offeredCodes, transferred },
      this.deps.policy,
      this.deps.intentWeights,
    );
    return { summary, text: renderSummary(summary, language), lines: this.stream.finals() };
  }

  private applyPci(decision: PciDecision): void {
    const atMs = this.deps.now();
    if (decision.pause) {
      this.deps.pauseRecording(decision.fromMs ?? atMs);
      this.deps.emit({ type: 'pci-pause', callId: this.callId, atMs });
    }
    if (decision.resume) {
      this.deps.resumeRecording();
      this.deps.emit({ type: 'pci-resume', callId: this.callId, atMs });
    }
  }

  /** Talk-over and the start of dead air go to supervision (the pane shows their counts from the view). */
  private reportPace(events: readonly PaceEvent[]): void {
    for (const event of events) {
      if (event.kind === 'talk-over') this.deps.emit({ type: 'talk-over', callId: this.callId, by: event.by, overlapMs: event.overlapMs, atMs: event.startMs });
      // A silence is reported at its start by tick, or only at its end when no tick saw it: once either way.
      else if (event.kind === 'silence' && event.startMs !== this.silenceReported) {
        this.silenceReported = event.startMs;
        this.deps.emit({ type: 'long-silence', callId: this.callId, atMs: event.startMs });
      }
    }
  }

  private raise(match: KeywordMatch, atMs: number, provisional: boolean): void {
    const alert: AssistAlert = { id: `a${++this.alertCount}`, kind: match.kind, ruleId: match.ruleId, label: match.label, text: match.text, leg: match.leg, atMs, provisional };
    if (provisional) this.provisional.set(`${match.leg}:${match.ruleId}`, alert);
    // The newest few: an alert is for now, the history goes to supervision.
    this.alerts = [alert, ...this.alerts].slice(0, 5);
    this.deps.emit({ type: 'keyword', callId: this.callId, alertId: alert.id, kind: match.kind, ruleId: match.ruleId, text: match.text, atMs, provisional });
  }

  /** The final of a provisional alert's utterance: it stands (no longer provisional) or leaves the pane. */
  private settle(match: KeywordMatch, type: 'keyword-confirmed' | 'keyword-withdrawn', atMs: number): void {
    const key = `${match.leg}:${match.ruleId}`;
    const alert = this.provisional.get(key);
    if (!alert) return;
    this.provisional.delete(key);
    this.alerts =
      type === 'keyword-withdrawn' ? this.alerts.filter((a) => a.id !== alert.id) : this.alerts.map((a) => (a.id === alert.id ? { ...a, provisional: false, text: match.text } : a));
    this.deps.emit({ type, callId: this.callId, alertId: alert.id, kind: alert.kind, ruleId: alert.ruleId, atMs });
  }

  private async suggest(query: string, source: 'customer' | 'ivr', atMs: number): Promise<void> {
    const hits = await this.deps.search(query).catch(() => []);
    if (hits.length === 0) return;
    this.board.add(hits, atMs, source === 'ivr' ? 0.5 : 1);
    this.snapshots.push({ atMs, source, query, articles: hits.slice(0, 3).map(({ id, title, score }) => ({ id, title, score })) });
    this.publish();
    if (source === 'customer') this.deps.suggested?.(atMs);
    await this.followChecklist();
  }

  /** The checklist follows the top suggestion; steps already said count (the analyzer replays them). */
  private async followChecklist(): Promise<void> {
    const top = this.board.cards(this.deps.now())[0];
    if (!top || top.id === this.checklist?.articleId) return;
    const items = await this.deps.checklistOf(top.id).catch(() => null);
    if (!items || items.length === 0) return;
    this.analyzer.useChecklist(items);
    this.checklist = { articleId: top.id, title: top.title, items: [] };
    this.refreshChecklist();
    this.publish();
  }

  private refreshChecklist(): void {
    if (this.checklist) this.checklist = { ...this.checklist, items: this.analyzer.checklist() ?? [] };
  }

  private publish(): void {
    this.deps.update({
      lines: [...this.lines.values()].sort((a, b) => a.startMs - b.startMs),
      cards: this.board.cards(this.deps.now()),
      alerts: this.alerts,
      checklist: this.checklist,
      pace: this.analyzer.pace(),
      sentiment: this.sentiment,
      guarding: this.analyzer.recordingPaused,
    });
  }
}
