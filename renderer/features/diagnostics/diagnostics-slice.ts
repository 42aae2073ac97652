/** Diagnostics in the store: the last export's outcome, for the header's status line. */
import type { StateCreator } from 'zustand';

/** Where the last export is: working, saved (where), cancelled in the save dialog, or failed (why). */
export type DiagnosticsExportState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'saved'; where: string }
  | { status: 'cancelled' }
  | { status: 'failed'; error: string };

export interface DiagnosticsSlice {
  diagnosticsExport: DiagnosticsExportState;
  setDiagnosticsExport(state: DiagnosticsExportState): void;
}

export const createDiagnosticsSlice: StateCreator<DiagnosticsSlice, [], [], DiagnosticsSlice> = (set) => ({
  diagnosticsExport: { status: 'idle' },
  setDiagnosticsExport: (diagnosticsExport) => set({ diagnosticsExport }),
});

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends DiagnosticsSlice {}
}
