/** Agent state (Ready / Not ready) and the recent call history shown to the agent. */
import type { StateCreator } from 'zustand';
import type { CallHistoryEntry } from '../../db/schema';

export type AgentAvailability = 'ready' | 'not-ready';

export interface AgentSlice {
  availability: AgentAvailability;
  history: CallHistoryEntry[];
  setAvailability(availability: AgentAvailability): void;
  setHistory(history: CallHistoryEntry[]): void;
  addHistory(entry: CallHistoryEntry): void;
}

const HISTORY_SHOWN = 50;

export const createAgentSlice: StateCreator<AgentSlice, [], [], AgentSlice> = (set) => ({
  availability: 'ready',
  history: [],
  setAvailability: (availability) => set({ availability }),
  setHistory: (history) => set({ history }),
  addHistory: (entry) =>
    set((state) => ({ history: [entry, ...state.history.filter((e) => e.id !== entry.id)].slice(0, HISTORY_SHOWN) })),
});
