/** The one Zustand store, built from the feature slices (Zustand's slices pattern). */
import { create } from 'zustand';
import { createAgentSlice } from '../features/agent';
import { createDevicesSlice } from '../features/devices';
import { createDiagnosticsSlice } from '../features/diagnostics';
import { createPhoneSlice } from '../features/phone';
import { createQualitySlice } from '../features/quality';
import { createRecordingSlice } from '../features/recording';
import { createScreenpopSlice } from '../features/screenpop';
import { createSessionSlice } from '../platform/session-slice';
import { createSignInSlice } from '../features/sign-in';
import { createSupervisionCallsSlice, createTeamSlice } from '../features/supervision';
import { createUpdatesSlice } from '../features/updates';
import { createClickToDialSlice } from '../features/click-to-dial';
import { createCallbacksSlice } from '../features/callbacks';
import type { AppState } from '../platform/store';

/** A fresh store; the compiler checks it has every slice the features merged into AppState. */
export function createAppStore() {
  return create<AppState>()((...a) => ({
    ...createSessionSlice(...a),
    ...createPhoneSlice(...a),
    ...createAgentSlice(...a),
    ...createDevicesSlice(...a),
    ...createScreenpopSlice(...a),
    ...createQualitySlice(...a),
    ...createRecordingSlice(...a),
    ...createSupervisionCallsSlice(...a),
    ...createTeamSlice(...a),
    ...createUpdatesSlice(...a),
    ...createSignInSlice(...a),
    ...createDiagnosticsSlice(...a),
    ...createClickToDialSlice(...a),
    ...createCallbacksSlice(...a),
  }));
}
