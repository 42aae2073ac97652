/**
 * Wires the team board. Every desktop is an agent: it answers its leads' SUBSCRIBEs (BoardNotifier) with
 * what the store says (agent state, calls, screen pop, quality) plus its alerts (DeskAlerts). A desktop
 * whose policy says `supervision.role: "lead"` also watches its team (TeamWatch) into the `team` slice and
 * raises desktop notifications for the alert kinds in `supervision.notifyLeadOf`.
 */
import type { Policy } from '@common/contract/policy';
import type { DeskPolicy } from '@common/contract/sign-in';
import { createLogger } from '../../../platform/logger';
import type { AppState, ServiceStore } from '../../../platform/store';
import type { UserAgentHook } from '../../phone';
import { ageOn, selectTrustedCti } from '../../screenpop';
import { BoardNotifier } from './board-notifier';
import { DeskAlerts, type AssistEventForLead } from './desk-alerts';
import { describeDesk, type DeskCall, type DeskInput } from './desk-report';
import { LeadNotifications } from './lead-notifications';
import { TeamWatch } from './team-watch';

const log = createLogger('supervision');

/** What the board needs from other features, handed over by bootstrap. */
export interface BoardPorts {
  /** The phone engine's UA hook (SUBSCRIBE/NOTIFY ride on the agent's own UA). */
  onUserAgent(hook: UserAgentHook): () => void;
  /** Assist's events of the agent's calls. */
  onAssistEvent(listener: (event: AssistEventForLead) => void): () => void;
  /** The Not ready reason's label in the agent's language. */
  reasonLabel(code: string): string;
  /** How many of the agent's callbacks are overdue (callbacks); none without the port. */
  overdueCallbacks?(): number;
}

/** What the rest of the app may do with the board. */
export interface BoardControls {
  /** The agent's "Ask for help": raises or lowers the hand; returns whether it is up. */
  toggleHelp(): boolean;
}

let controls: BoardControls | null = null;

/** The agent's "Ask for help" (button and shortcut). False when the board is not running. */
export function toggleHelp(): boolean {
  return controls?.toggleHelp() ?? false;
}

function deskCalls(state: AppState, elderlyAge: number): DeskCall[] {
  return state.calls.map((call): DeskCall => {
    const cti = selectTrustedCti(state, call.id);
    const pop = state.pops.find((p) => p.callId === call.id);
    const profile = pop && pop.selected !== null ? pop.profiles[pop.selected] : undefined;
    const quality = state.quality[call.id]?.latest.level;
    const elderly = profile?.birthDate ? ageOn(profile.birthDate, new Date()) >= elderlyAge : false;
    return {
      id: call.id,
      sipCallId: call.invite?.callId || call.sipCallId || call.id,
      direction: call.direction,
      phase: call.phase,
      startedAt: call.startedAt,
      ...(call.answeredAt !== undefined ? { answeredAt: call.answeredAt } : {}),
      heldLocally: call.heldLocally,
      ...(cti.queue ? { queue: cti.queue } : {}),
      ...(cti.intent ? { intent: cti.intent } : {}),
      ...(profile?.name ? { customerName: profile.name } : {}),
      ...(profile?.vipTier || cti.vip ? { vip: true } : {}),
      ...(elderly ? { elderly: true } : {}),
      ...(quality ? { quality } : {}),
    };
  });
}

/** Starts the board for a valid policy; returns a stop function (tests). */
export function startBoard(policy: DeskPolicy, store: ServiceStore, ports: BoardPorts): () => void {
  const { supervision } = policy;
  const stops: (() => void)[] = [];
  let heldSince: { callId: string; at: number } | undefined;

  const notifier = new BoardNotifier({
    ownUri: policy.sip.uri,
    leads: supervision.leads,
    defaultExpires: supervision.refreshSeconds,
    log,
    desk: {
      report: () => {
        const state = store.getState();
        const machine = state.agent.state;
        const agent: DeskInput['agent'] = machine.kind === 'not-ready' ? { kind: 'not-ready', since: machine.since, reason: machine.reason } : { kind: machine.kind, since: machine.since };
        const input: DeskInput = {
          agent,
          ...(machine.kind === 'not-ready' ? { reasonLabel: ports.reasonLabel(machine.reason) } : {}),
          calls: deskCalls(state, policy.crm.elderlyAge),
          alerts: alerts.alerts,
          ...(alerts.helpAtMs !== undefined ? { helpAtMs: alerts.helpAtMs } : {}),
          overdueCallbacks: ports.overdueCallbacks?.() ?? 0,
        };
        return describeDesk(input, heldSince?.at);
      },
      calls: () => deskCalls(store.getState(), policy.crm.elderlyAge),
    },
  });
  const alerts = new DeskAlerts({
    shareTranscript: supervision.shareTranscript,
    longCallMinutes: supervision.longCallMinutes,
    changed: () => notifier.changed(),
  });
  controls = {
    toggleHelp: () => {
      const raised = alerts.toggleHelp();
      store.getState().setHelpRaised(raised);
      return raised;
    },
  };
  stops.push(ports.onUserAgent(notifier.hook));
  stops.push(ports.onAssistEvent((event) => alerts.assist(event)));
  stops.push(
    store.subscribe((state) => {
      const worked = state.calls.find((c) => c.phase === 'active' && !c.heldLocally) ?? state.calls.find((c) => c.phase === 'active');
      alerts.follow(worked?.id ?? null, worked?.answeredAt);
      if (worked?.heldLocally && heldSince?.callId !== worked.id) heldSince = { callId: worked.id, at: Date.now() };
      if (!worked?.heldLocally) heldSince = undefined;
      notifier.changed();
    }),
  );

  if (supervision.role === 'lead') stops.push(startLead(policy, store, ports));
  return () => {
    for (const stop of stops) stop();
    alerts.dispose();
    controls = null;
  };
}

/** The lead's half: rows from `supervision.team`, a subscription per agent, notifications. */
function startLead(policy: Policy, store: ServiceStore, ports: Pick<BoardPorts, 'onUserAgent'>): () => void {
  const { supervision } = policy;
  const now = Date.now();
  store.getState().setTeam(supervision.team.map((m) => ({ uri: m.uri, name: m.name, state: 'offline', sinceMs: now, alerts: [], link: 'subscribing' })));
  const notifications = new LeadNotifications(supervision.notifyLeadOf, log);
  const watch = new TeamWatch({
    team: supervision.team,
    refreshSeconds: supervision.refreshSeconds,
    update: (uri, next) => store.getState().updateMember(uri, next),
    received: (uri, body) => {
      const member = store.getState().team.find((m) => m.uri === uri);
      if (member) notifications.received(member, body);
    },
    log,
  });
  const unhook = ports.onUserAgent(watch.hook);
  const follow = (state: AppState) => {
    if (state.registration.state === 'registered') watch.registered();
  };
  follow(store.getState());
  const unsubscribe = store.subscribe(follow);
  return () => {
    unsubscribe();
    unhook();
    watch.stop();
  };
}
