/**
 * Desktop notifications for the lead (issue 20 §3): one per new alert whose kind the policy lists in
 * `supervision.notifyLeadOf` (the board shows every kind). Clicking one brings the window forward with
 * focus on the agent's row, whose first button is Listen. The Web Notification API works in both hosts
 * (Electron's permission handler grants it to the app's own origin).
 */
import i18next from 'i18next';
import type { SupervisionAlertKind } from '@common/contract/policy';
import type { AgentEventBody } from '@common/contract/supervision-event';
import type { Logger } from '@common/logging/logger';
import type { TeamMember } from './team-types';

/** Seen alert ids kept per agent (the body carries at most 20). */
const SEEN_KEPT = 100;

/** Moves focus to an agent's row on the board: its first button (Listen), else the row itself. */
export function focusAgentRow(uri: string, root: ParentNode = document): boolean {
  const row = [...root.querySelectorAll<HTMLElement>('[data-team-uri]')].find((el) => el.dataset.teamUri === uri);
  if (!row) return false;
  const target = row.querySelector<HTMLElement>('button') ?? row;
  target.focus();
  return true;
}

export class LeadNotifications {
  private readonly seen = new Map<string, string[]>();
  /** Notifications on screen, by agent and alert id: one the agent's pane withdraws (a partial's "sue") is closed. */
  private readonly open = new Map<string, Map<string, Notification>>();

  constructor(
    private readonly kinds: readonly SupervisionAlertKind[],
    private readonly log: Pick<Logger, 'warn'>,
  ) {}

  /** A body from an agent: notify of the alerts not seen before (the first body's alerts are old news). */
  received(member: Pick<TeamMember, 'uri' | 'name'>, body: AgentEventBody): void {
    const before = this.seen.get(member.uri);
    const fresh = before ? body.alerts.filter((a) => !before.includes(a.id)) : [];
    this.seen.set(member.uri, [...(before ?? []), ...body.alerts.map((a) => a.id)].slice(-SEEN_KEPT));
    const shown = this.open.get(member.uri) ?? new Map<string, Notification>();
    // An alert gone from the body was withdrawn (its final did not say it) or belonged to an ended call.
    for (const [id, notification] of shown) {
      if (body.alerts.some((a) => a.id === id)) continue;
      notification.close();
      shown.delete(id);
    }
    for (const alert of fresh) {
      if (!this.kinds.includes(alert.kind)) continue;
      const notification = this.show(member, alert.kind);
      if (notification) shown.set(alert.id, notification);
    }
    this.open.set(member.uri, shown);
  }

  private show(member: Pick<TeamMember, 'uri' | 'name'>, kind: SupervisionAlertKind): Notification | null {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return null;
    try {
      const notification = new Notification(i18next.t('supervision.notification.title', { name: member.name }), {
        body: i18next.t(`supervision.alert.${kind}`),
        tag: `lingxi-team-${member.uri}-${kind}`,
      });
      notification.onclick = () => {
        window.focus();
        focusAgentRow(member.uri);
        notification.close();
      };
      return notification;
    } catch (error) {
      this.log.warn('team board: desktop notification failed', error);
      return null;
    }
  }
}
