/**
 * The renderer's side of updates: shows what the host reports (the kill switch's verdict, the update in
 * progress), holds the agent Not ready while the version is blocked, and tells the host what the desk is doing
 * so an update never installs during a call, wrap-up or a recording being written.
 */
import type { LingxiApi } from '@common/contract/api';
import type { DeskBusy, UpdateStatus } from '@common/updates/update-status';
import { drop } from '@common/logging/drop';
import { createLogger } from '../../platform/logger';
import type { AppState, ServiceStore } from '../../platform/store';
import { selectVersionBlocked } from './updates-slice';

/** What updates needs from the agent feature (bootstrap's port): hold Not ready, or lift the hold. */
export interface UpdatesPorts {
  holdNotReady(reason: 'update-required' | null): void;
}

const log = createLogger('updates');

/**
 * The desk as the install rule sees it. A ringing call counts (an install would drop it). A recording counts
 * while it is being written; one waiting for upload does not: it is safe on disk and its tus upload resumes
 * after the restart (a recording store down for hours must not hold a blocked version in place).
 */
export function deskOf(state: Pick<AppState, 'calls' | 'agent' | 'liveRecordings' | 'recordings'>): DeskBusy {
  return {
    inCall: state.calls.some((call) => call.phase !== 'ended'),
    wrapUp: state.agent.state.kind === 'wrap-up',
    recordingsPending: Object.keys(state.liveRecordings).length > 0 || state.recordings.some((r) => r.state === 'recording'),
  };
}

const sameDesk = (a: DeskBusy, b: DeskBusy) => a.inCall === b.inCall && a.wrapUp === b.wrapUp && a.recordingsPending === b.recordingsPending;

/** Starts following the host's update status (bootstrap, with a valid policy); returns the stop function. */
export function startUpdates(host: Pick<LingxiApi, 'updates'>, store: ServiceStore, ports: UpdatesPorts): () => void {
  const apply = (status: UpdateStatus | null) => {
    const wasBlocked = selectVersionBlocked(store.getState());
    store.getState().setUpdateStatus(status);
    const blocked = selectVersionBlocked(store.getState());
    if (blocked === wasBlocked) return;
    if (blocked) log.warn(`version ${status?.version ?? ''} is ${status?.verdict.kind ?? ''} by the kill switch: no new calls after this one`);
    ports.holdNotReady(blocked ? 'update-required' : null);
  };
  const unsubscribeStatus = host.updates.onStatus(apply);
  drop(
    host.updates.status().then((status) => {
      if (status && store.getState().updateStatus === null) apply(status);
    }),
    log,
    'update status',
  );

  let reported: DeskBusy | undefined;
  const report = () => {
    const desk = deskOf(store.getState());
    if (reported && sameDesk(reported, desk)) return;
    reported = desk;
    drop(host.updates.setDesk(desk), log, 'desk state report to the host');
  };
  report();
  const unsubscribeDesk = store.subscribe(report);
  return () => {
    unsubscribeStatus();
    unsubscribeDesk();
  };
}
