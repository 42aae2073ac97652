/** The one Zustand store, built from feature slices (Zustand's slices pattern). */
import { create } from 'zustand';
import { createAgentSlice, type AgentSlice } from '../features/agent/agent-slice';
import { createDevicesSlice, type DevicesSlice } from '../features/devices/devices-slice';
import { createPhoneSlice, type PhoneSlice } from '../features/phone/phone-slice';
import { createQualitySlice, type QualitySlice } from '../features/quality/quality-slice';
import { createRecordingSlice, type RecordingSlice } from '../features/recording/recording-slice';
import { createScreenpopSlice, type ScreenpopSlice } from '../features/screenpop/screenpop-slice';
import { createAppSlice, type AppSlice } from './app-slice';

export type StoreState = AppSlice & PhoneSlice & AgentSlice & DevicesSlice & ScreenpopSlice & QualitySlice & RecordingSlice;

export function createAppStore() {
  return create<StoreState>()((...a) => ({
    ...createAppSlice(...a),
    ...createPhoneSlice(...a),
    ...createAgentSlice(...a),
    ...createDevicesSlice(...a),
    ...createScreenpopSlice(...a),
    ...createQualitySlice(...a),
    ...createRecordingSlice(...a),
  }));
}

export const useStore = createAppStore();
