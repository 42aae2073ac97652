/** The one Zustand store, built from feature slices (Zustand's slices pattern). */
import { create } from 'zustand';
import { createAgentSlice, type AgentSlice } from '../features/agent/agent-slice';
import { createPhoneSlice, type PhoneSlice } from '../features/phone/phone-slice';
import { createAppSlice, type AppSlice } from './app-slice';

export type StoreState = AppSlice & PhoneSlice & AgentSlice;

export function createAppStore() {
  return create<StoreState>()((...a) => ({
    ...createAppSlice(...a),
    ...createPhoneSlice(...a),
    ...createAgentSlice(...a),
  }));
}

export const useStore = createAppStore();
