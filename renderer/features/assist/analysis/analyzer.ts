/**
 * One call's text analysis behind a single feed(): the assist pane creates an AssistAnalyzer when a call
 * is answered, passes every partial and final through it, calls tick() on a timer, and reads the outcome.
 * Each module stays usable on its own; this only fixes the order that matters:
 * - the PCI guard runs before masking, so the event that starts a pause is already masked as "paused";
 * - keyword rules see the unmasked text (a rule may name a number, such as the regulator's 12378), while
 *   highlights are computed again on the masked text the agent sees.
 */
import type { AssistPolicy } from '@common/contract/policy-assist';
import { ChecklistTracker, type ChecklistItem, type ChecklistItemState, type ChecklistTick } from './checklist';
import { KeywordRules, KeywordWatcher, type KeywordMatch } from './keyword-rules';
import { PaceMeter, type PaceEvent, type PaceSnapshot } from './pace';
import { PciGuard, type PciDecision } from './pci-guard';
import { SentimentTracker, type SentimentReading } from './sentiment';
import { checkEvent, type TranscriptEvent } from './types';

/** What one transcript event produced. */
export interface AnalysisUpdate {
  /** The event's text with card-like digits masked: show and save this, never event.text. */
  text: string;
  /** Rule matches in `text` (offsets into the masked text), for highlighting. */
  highlights: KeywordMatch[];
  /** Rules heard for the first time in this utterance: raise alerts and warnings for these (provisional from a partial). */
  fired: KeywordMatch[];
  /** On a final: provisional rules the final confirms, and those it withdraws (see KeywordWatcher). */
  confirmed: KeywordMatch[];
  withdrawn: KeywordMatch[];
  pci: PciDecision;
  ticks: ChecklistTick[];
  pace: PaceEvent[];
  /** Set for customer finals. */
  sentiment: SentimentReading | null;
}

/** Per-call options. */
export interface AnalyzerOptions {
  /** The customer profile says elderly (lower pace limits). */
  elderly?: boolean;
  /** When the call was answered on the events' clock. */
  callStartMs?: number;
}

/** The text analysis of one call. */
export class AssistAnalyzer {
  private readonly policy: AssistPolicy;
  private readonly rules: KeywordRules;
  private readonly keywords: KeywordWatcher;
  private readonly guard: PciGuard;
  private readonly paceMeter: PaceMeter;
  private readonly sentiment: SentimentTracker;
  private tracker: ChecklistTracker | null = null;
  private readonly agentFinals: TranscriptEvent[] = [];

  /**
   * @param policy the parsed policy's assist section
   * @param rules prepared rules, to share one compilation across calls (built from the policy if omitted)
   */
  constructor(policy: AssistPolicy, options: AnalyzerOptions = {}, rules?: KeywordRules) {
    this.policy = policy;
    this.rules = rules ?? new KeywordRules(policy.keywords.rules);
    this.keywords = new KeywordWatcher(this.rules);
    this.guard = new PciGuard(policy.pci);
    this.paceMeter = new PaceMeter(policy.pace, options.elderly ?? false, options.callStartMs ?? 0);
    this.sentiment = new SentimentTracker(policy.sentiment);
  }

  /** Analyses one partial or final. */
  feed(event: TranscriptEvent): AnalysisUpdate {
    checkEvent(event);
    const pci = this.guard.feed(event);
    const text = this.guard.mask(event.text);
    const { matches, fired, confirmed, withdrawn } = this.keywords.feed(event);
    const highlights = text === event.text ? matches : this.rules.match(event.leg, text);
    let ticks: ChecklistTick[] = [];
    if (event.leg === 'agent' && event.final) {
      this.agentFinals.push(event);
      ticks = this.tracker?.feed(event) ?? [];
    }
    return { text, highlights, fired, confirmed, withdrawn, pci, ticks, pace: this.paceMeter.feed(event), sentiment: this.sentiment.feed(event) };
  }

  /** Call on a timer (e.g. every 500 ms) with the call clock: resumes recording, reports dead air. */
  tick(nowMs: number): { pci: PciDecision; pace: PaceEvent[] } {
    return { pci: this.guard.tick(nowMs), pace: this.paceMeter.tick(nowMs) };
  }

  /**
   * Follows the checklist of the article now in use (null: none). Steps the agent already said in this
   * call count: the agent often verifies identity before the right article shows up.
   * @returns the items ticked by what was already said
   */
  useChecklist(items: readonly ChecklistItem[] | null): ChecklistTick[] {
    this.tracker = items && items.length > 0 ? new ChecklistTracker(items, this.policy.checklist.threshold) : null;
    return this.agentFinals.flatMap((event) => this.tracker?.feed(event) ?? []);
  }

  /** The checklist items with their ticks, or null without a checklist. */
  checklist(): ChecklistItemState[] | null {
    return this.tracker?.state() ?? null;
  }

  /** The agent's pace now. */
  pace(): PaceSnapshot {
    return this.paceMeter.snapshot();
  }

  /** True while the recording should be paused. */
  get recordingPaused(): boolean {
    return this.guard.paused;
  }

  /** The customer's sentiment average now (−1 … 1). */
  get sentimentTrend(): number {
    return this.sentiment.current;
  }

  /** Updates the elderly flag when the profile arrives. */
  setElderly(elderly: boolean): void {
    this.paceMeter.setElderly(elderly);
  }
}
