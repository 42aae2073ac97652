/** The controller under test wired to electron-updater's real DebUpdater, the loopback update server and a hand clock. */
import { updatesPolicySchema, type UpdatesPolicy } from '@common/contract/policy-updates';
import { readControlFile } from '@common/updates/control-file';
import { createUpdateController, type UpdateController } from '@common/updates/update-controller';
import type { DeskBusy, UpdateStatus } from '@common/updates/update-status';
import { RecordingDebUpdater } from '../../../fixtures/updates/node-updater';
import type { UpdateServer } from '../../../fixtures/updates/update-server';

export const IDLE: DeskBusy = { inCall: false, wrapUp: false, recordingsPending: false };
/** Staging ids whose rollout share (the last 4 bytes over 0xffffffff) is about 0.25 and 0.75. */
export const STAGING_ID_25 = '3b9e5f6c-8f2a-5d7e-9c1b-2a4d40000000';
export const STAGING_ID_75 = '3b9e5f6c-8f2a-5d7e-9c1b-2a4dc0000000';

export interface Harness {
  controller: UpdateController;
  updater: RecordingDebUpdater;
  statuses: UpdateStatus[];
  warnings: string[];
  clock: { at: Date; fire(ms: number): void; timers: Map<number, () => void> };
  dispose(): void;
}

export function harness(
  server: UpdateServer,
  options: { version: string; policy?: Partial<UpdatesPolicy>; stagingId?: string; at?: Date; selfUpdate?: boolean; updater?: RecordingDebUpdater },
): Harness {
  const policy = updatesPolicySchema.parse({ enabled: true, url: server.url, ...options.policy });
  const updater = options.updater ?? new RecordingDebUpdater({ version: options.version, ...(options.stagingId ? { stagingId: options.stagingId } : {}) });
  const statuses: UpdateStatus[] = [];
  const warnings: string[] = [];
  const timers = new Map<number, () => void>();
  const clock = {
    at: options.at ?? new Date(2026, 11, 7, 10, 0),
    timers,
    fire: (ms: number) => timers.get(ms)?.(),
  };
  const controller = createUpdateController({
    policy,
    version: options.version,
    ...(options.selfUpdate === false ? {} : { updater }),
    readControl: () => readControlFile((url, init) => fetch(url, init), policy.url ?? ''),
    clock: {
      now: () => clock.at,
      every(ms, fn) {
        timers.set(ms, fn);
        return () => timers.delete(ms);
      },
    },
    onStatus: (status) => statuses.push(status),
    log: { info: () => undefined, warn: (message) => warnings.push(message) },
  });
  return { controller, updater, statuses, warnings, clock, dispose: () => (controller.stop(), updater.dispose()) };
}
