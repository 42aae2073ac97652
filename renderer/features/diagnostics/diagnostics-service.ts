/**
 * Export diagnostics from the renderer: the header button, the shortcut and (Electron) the Help menu all end
 * here. The renderer collects its part and hands it to the host, which adds its own and saves the zip
 * (Electron: main's save dialog) or downloads it (browser host).
 */
import type { LingxiApi } from '@common/contract/api';
import type { RegistrationEvent } from '@common/diagnostics/diagnostics-contract';
import { recentCalls } from '../agent';
import { createLogger } from '../../platform/logger';
import type { AppStore } from '../../platform/store';
import { collectRendererDiagnostics } from './collect';
import { trackRegistration } from './registration-history';

const log = createLogger('diagnostics');
const pageLoadedAt = Date.now();
let registration: readonly RegistrationEvent[] = [];
let wired: { host: Pick<LingxiApi, 'host' | 'diagnostics'>; store: AppStore } | undefined;

/**
 * Starts following registration (for its history) and the `exportDiagnostics` action (the shortcut, and
 * Electron's Help menu), and remembers where exports go. Call once at start, before the policy loads: an
 * invalid policy is exactly when IT needs the export.
 */
export function startDiagnostics(host: Pick<LingxiApi, 'host' | 'diagnostics' | 'shortcuts'>, store: AppStore): () => void {
  wired = { host, store };
  const tracked = trackRegistration(store);
  registration = tracked.events;
  const stopAction = host.shortcuts.onAction((action) => {
    if (action === 'exportDiagnostics') void exportDiagnostics();
  });
  return () => {
    tracked.stop();
    stopAction();
  };
}

/** Collects the renderer's part and has the host save it; the outcome goes to the store for the header. */
export async function exportDiagnostics(): Promise<void> {
  if (!wired) return;
  const { host, store } = wired;
  const state = store.getState();
  if (state.diagnosticsExport.status === 'working') return;
  state.setDiagnosticsExport({ status: 'working' });
  try {
    const part = await collectRendererDiagnostics(store.getState(), {
      registration,
      recentCalls,
      enumerateDevices: () => navigator.mediaDevices?.enumerateDevices() ?? Promise.resolve([]),
      storageEstimate: () => navigator.storage?.estimate?.() ?? Promise.resolve(undefined),
      page: {
        host: host.host,
        userAgent: navigator.userAgent.slice(0, 500),
        language: store.getState().language,
        pageLoadedAt: new Date(pageLoadedAt).toISOString(),
        version: __APP_VERSION__,
      },
    });
    const result = await host.diagnostics.export(part);
    if (result.ok) state.setDiagnosticsExport({ status: 'saved', where: result.saved });
    else if (result.cancelled) state.setDiagnosticsExport({ status: 'cancelled' });
    else state.setDiagnosticsExport({ status: 'failed', error: result.error });
  } catch (error) {
    log.error('diagnostics export failed', error);
    state.setDiagnosticsExport({ status: 'failed', error: (error as Error).message });
  }
}
