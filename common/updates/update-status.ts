/**
 * What the updates feature tells the renderer (the `updates:status` event in Electron; the browser host's own
 * kill switch check). Pure TypeScript, no zod: the preload imports it.
 */
import type { LocalizedLabel } from '../contract/policy-agent';

/** The kill switch's verdict on the running version. */
export type KillSwitchVerdict =
  | { kind: 'allowed' }
  /** Listed in blockedVersions (the range that matched). */
  | { kind: 'blocked'; range: string }
  /** Older than minimumVersion. */
  | { kind: 'too-old'; minimumVersion: string };

export interface UpdateStatus {
  /** The running version. */
  version: string;
  verdict: KillSwitchVerdict;
  /** IT's message from the kill switch file, for the banner. */
  message?: string | LocalizedLabel;
  /** Who installs updates here: Lingxi itself, or IT's software distribution (MSI, fleet packages, the browser host). */
  installedBy: 'lingxi' | 'it';
  /** A newer allowed version: being downloaded, or downloaded and waiting for a safe moment to install. */
  update?: { version: string; state: 'downloading' | 'downloaded' };
  /** The last check's problem (server down, corrupt metadata or kill switch file); cleared by a good check. */
  problem?: string;
}

/** The `updates:status` push channel (main → renderer). */
export const UPDATE_STATUS_CHANNEL = 'updates:status';

/** What keeps an install from happening now, as the renderer reports it (`updates:desk-busy`). */
export interface DeskBusy {
  /** A call past ringing (talking, on hold, dialling). */
  inCall: boolean;
  /** The agent is in wrap-up. */
  wrapUp: boolean;
  /** A recording is being written, or an upload is in flight. */
  recordingsPending: boolean;
}

/** Whether anything in `desk` forbids installing now. */
export function isDeskBusy(desk: DeskBusy): boolean {
  return desk.inCall || desk.wrapUp || desk.recordingsPending;
}
