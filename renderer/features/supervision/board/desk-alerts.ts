/**
 * The agent's alerts for the lead (issue 20 §3): assist events of the current call (customer keyword
 * alerts, frustration, long silence, talk-over, PCI pause), the long-call alert after
 * `supervision.longCallMinutes`, and the raised hand. Transcript text travels only with
 * `supervision.shareTranscript`. A new call starts a fresh list. A keyword alert the agent's pane withdrew
 * (raised from a partial, gone from the final) leaves the lead's list too.
 */
import type { AgentAlert } from '@common/contract/supervision-event';
import type { SupervisionAlertKind } from '@common/contract/policy';

/** The assist events supervision reads (assist's `onAssistEvent`; only these fields are used). */
export type AssistEventForLead =
  | { type: 'keyword'; callId: string; alertId: string; kind: 'alert' | 'warning'; text: string }
  | { type: 'keyword-confirmed' | 'keyword-withdrawn'; callId: string; alertId: string }
  | { type: 'frustration' | 'pci-pause' | 'pci-resume' | 'talk-over' | 'long-silence'; callId: string };

const KIND_OF: Partial<Record<AssistEventForLead['type'], SupervisionAlertKind>> = {
  keyword: 'keyword',
  frustration: 'frustration',
  'pci-pause': 'pci',
  'talk-over': 'talk-over',
  'long-silence': 'long-silence',
};

export interface DeskAlertsOptions {
  shareTranscript: boolean;
  longCallMinutes: number;
  /** Something the lead sees changed. */
  changed(): void;
  now?: () => number;
}

export class DeskAlerts {
  private list: AgentAlert[] = [];
  private callId: string | null = null;
  private longCall: ReturnType<typeof setTimeout> | undefined;
  private counter = 0;
  private hand: number | undefined;
  /** The lead's alert id of each assist keyword alert on the list (by the pane's alert id). */
  private readonly keywordAlerts = new Map<string, string>();

  constructor(private readonly options: DeskAlertsOptions) {}

  get alerts(): readonly AgentAlert[] {
    return this.list;
  }

  /** Epoch ms the agent raised a hand, if it is up. */
  get helpAtMs(): number | undefined {
    return this.hand;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The call the agent works now (null: none). A different call clears the list and restarts the long-call clock. */
  follow(callId: string | null, answeredAt: number | undefined): void {
    if (callId === this.callId) return;
    this.callId = callId;
    clearTimeout(this.longCall);
    if (this.list.length > 0 && callId !== null) {
      this.list = [];
      this.keywordAlerts.clear();
      this.options.changed();
    }
    if (callId === null || answeredAt === undefined) return;
    const due = answeredAt + this.options.longCallMinutes * 60_000 - this.now();
    this.longCall = setTimeout(() => {
      if (this.callId === callId) this.add('long-call');
    }, Math.max(0, due));
  }

  /** An assist event of the agent's calls. */
  assist(event: AssistEventForLead): void {
    if (event.type === 'keyword-withdrawn') {
      const id = this.keywordAlerts.get(`${event.callId}:${event.alertId}`);
      if (id === undefined || !this.list.some((a) => a.id === id)) return;
      this.list = this.list.filter((a) => a.id !== id);
      this.options.changed();
      return;
    }
    if (event.type === 'keyword' && event.kind !== 'alert') return;
    const kind = KIND_OF[event.type];
    if (!kind) return;
    const text = event.type === 'keyword' && this.options.shareTranscript ? event.text.slice(0, 500) : undefined;
    const id = this.add(kind, text);
    if (event.type === 'keyword') this.keywordAlerts.set(`${event.callId}:${event.alertId}`, id);
  }

  /** The agent's "Ask for help": raises the hand, or lowers it. Returns whether it is up. */
  toggleHelp(): boolean {
    if (this.hand === undefined) {
      this.hand = this.now();
      this.add('help');
    } else {
      this.hand = undefined;
      this.list = this.list.filter((a) => a.kind !== 'help');
      this.options.changed();
    }
    return this.hand !== undefined;
  }

  private add(kind: SupervisionAlertKind, text?: string): string {
    this.counter += 1;
    const alert: AgentAlert = { id: `${this.now().toString(36)}-${this.counter}`, kind, atMs: this.now(), ...(text ? { text } : {}) };
    this.list = [...this.list, alert].slice(-20);
    this.options.changed();
    return alert.id;
  }

  dispose(): void {
    clearTimeout(this.longCall);
  }
}
