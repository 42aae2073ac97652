/**
 * The renderer's part of "Export diagnostics": registration history, the last 20 calls' SIP responses and
 * quality, audio devices (ids hashed) and the device each role uses, the recording cache's counts and sizes.
 * No number, no name, no audio: what IT needs to see why calls failed or sounded bad.
 */
import type { AudioDeviceDiagnostics, CallDiagnostics, RecordingCacheDiagnostics, RegistrationEvent, RendererDiagnostics } from '@common/diagnostics/diagnostics-contract';
import type { CallHistoryEntry } from '../../db/schema';
import type { AppState } from '../../platform/store';

/** What the collector reads besides the store (injected: tests give fixed ones). */
export interface CollectDeps {
  registration: readonly RegistrationEvent[];
  recentCalls(limit: number): Promise<CallHistoryEntry[]>;
  enumerateDevices(): Promise<Array<Pick<MediaDeviceInfo, 'kind' | 'label' | 'deviceId' | 'groupId'>>>;
  storageEstimate(): Promise<{ usage?: number; quota?: number } | undefined>;
  page: RendererDiagnostics['page'];
}

/** SHA-256 of an id, first 16 hex digits ('' stays ''): tells devices apart without giving their ids away. */
export async function hashId(id: string): Promise<string> {
  if (!id) return '';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id)));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A history row as diagnostics keeps it. */
export function callDiagnostics(entry: CallHistoryEntry): CallDiagnostics {
  return {
    startedAt: entry.startedAt,
    endedAt: entry.endedAt,
    direction: entry.direction,
    outcome: entry.outcome,
    // Rows written before every end had a cause may lack one.
    sipResponse: String(entry.cause ?? '').slice(0, 200),
    durationMs: entry.durationMs,
    ...(entry.quality ? { quality: entry.quality } : {}),
  };
}

/** The recording cache from the store: counts by state, bytes, limits, health; never audio. */
export function recordingCacheDiagnostics(state: AppState, estimate: { usage?: number; quota?: number } | undefined): RecordingCacheDiagnostics {
  const byState: Record<string, number> = {};
  let audioBytes = 0;
  let pendingBytes = 0;
  let chunks = 0;
  let audioDeleted = 0;
  for (const recording of state.recordings) {
    byState[recording.state] = (byState[recording.state] ?? 0) + 1;
    chunks += recording.chunks;
    if (recording.audioDeleted) audioDeleted++;
    else {
      audioBytes += recording.bytes;
      if (recording.state !== 'uploaded') pendingBytes += recording.bytes;
    }
  }
  const starts = state.recordings.map((recording) => recording.startedAt);
  const problem = state.recordingProblem;
  return {
    recordings: state.recordings.length,
    byState,
    audioBytes,
    pendingBytes,
    limitBytes: state.recordingCache?.usage.limitBytes ?? null,
    level: state.recordingCache?.level ?? null,
    chunks,
    audioDeleted,
    oldestStartedAt: starts.length ? Math.min(...starts) : null,
    newestStartedAt: starts.length ? Math.max(...starts) : null,
    problem: problem ? `${problem.code}${problem.detail ? `: ${problem.detail}` : ''}`.slice(0, 200) : null,
    keyWeak: state.recordingKeyWeak,
    storagePersistent: state.storagePersistent,
    storageUsageBytes: estimate?.usage ?? null,
    storageQuotaBytes: estimate?.quota ?? null,
  };
}

async function devices(deps: CollectDeps): Promise<AudioDeviceDiagnostics[]> {
  const listed = await deps.enumerateDevices().catch(() => []);
  const audio = listed.flatMap((device) => (device.kind === 'audioinput' || device.kind === 'audiooutput' ? [{ ...device, kind: device.kind }] : []));
  return Promise.all(
    audio.slice(0, 100).map(async (device): Promise<AudioDeviceDiagnostics> => ({
      kind: device.kind,
      label: (device.label ?? '').slice(0, 300),
      deviceIdHash: await hashId(device.deviceId),
      groupIdHash: await hashId(device.groupId),
    })),
  );
}

/** Collects the renderer's part from the store and the browser. */
export async function collectRendererDiagnostics(state: AppState, deps: CollectDeps): Promise<RendererDiagnostics> {
  const [calls, audioDevices, estimate] = await Promise.all([
    deps.recentCalls(20).catch(() => []),
    devices(deps),
    deps.storageEstimate().catch(() => undefined),
  ]);
  const deviceRoles: RendererDiagnostics['deviceRoles'] = {};
  for (const [role, match] of Object.entries(state.deviceMatches)) {
    deviceRoles[role] = { how: match.how, deviceIdHash: match.device ? await hashId(match.device.deviceId) : null };
  }
  return {
    registration: deps.registration.slice(-500),
    calls: calls.slice(0, 20).map(callDiagnostics),
    audioDevices,
    deviceRoles,
    devicePermission: state.devicePermission,
    recordingCache: recordingCacheDiagnostics(state, estimate),
    page: deps.page,
  };
}
