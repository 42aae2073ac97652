/**
 * Agent state (the machine in agent-machine.ts, driven by agent-service.ts) and the recent call history
 * shown to the agent.
 */
import type { StateCreator } from 'zustand';
import type { CallHistoryEntry } from '../../db/schema';
import {
  acceptsCalls,
  initialAgentMachine,
  reduceAgent,
  type AgentConfig,
  type AgentEvent,
  type AgentMachine,
  type Transition,
} from './agent-machine';

/** Ready or not, as the phone used to read it. Prefer selectAcceptsCalls. */
export type AgentAvailability = 'ready' | 'not-ready';

export interface AgentSlice {
  agent: AgentMachine;
  agentConfig: AgentConfig;
  /** Kept equal to selectAcceptsCalls(state) ? 'ready' : 'not-ready', for code that reads it. */
  availability: AgentAvailability;
  history: CallHistoryEntry[];
  /** Installs the policy's reasons and wrap-up rules and starts Ready at `at`. */
  configureAgent(config: AgentConfig, at: number): void;
  /** Applies one event to the machine (agent-service.ts is the caller: it also persists the result). */
  dispatchAgent(event: AgentEvent): Transition;
  setHistory(history: CallHistoryEntry[]): void;
  addHistory(entry: CallHistoryEntry): void;
  /** Merges fields into a history entry shown (no-op when it is not in the list). */
  patchHistory(id: string, patch: Partial<CallHistoryEntry>): void;
}

const HISTORY_SHOWN = 50;
const defaultConfig: AgentConfig = {
  reasons: [],
  wrapUp: { enabled: false, timeLimitSeconds: 0, codeRequired: false, autoReady: true, codes: [] },
};

const availabilityOf = (agent: AgentMachine): AgentAvailability => (acceptsCalls(agent) ? 'ready' : 'not-ready');

export const createAgentSlice: StateCreator<AgentSlice, [], [], AgentSlice> = (set, get) => ({
  agent: initialAgentMachine(defaultConfig, Date.now()),
  agentConfig: defaultConfig,
  availability: 'ready',
  history: [],
  configureAgent: (agentConfig, at) => {
    const agent = initialAgentMachine(agentConfig, at);
    set({ agentConfig, agent, availability: availabilityOf(agent) });
  },
  dispatchAgent: (event) => {
    const { agent, agentConfig } = get();
    const transition = reduceAgent(agent, event, agentConfig);
    if (transition.machine !== agent) set({ agent: transition.machine, availability: availabilityOf(transition.machine) });
    return transition;
  },
  setHistory: (history) => set({ history }),
  addHistory: (entry) =>
    set((state) => ({ history: [entry, ...state.history.filter((e) => e.id !== entry.id)].slice(0, HISTORY_SHOWN) })),
  patchHistory: (id, patch) =>
    set((state) => {
      if (!state.history.some((e) => e.id === id)) return {};
      return { history: state.history.map((e) => (e.id === id ? { ...e, ...patch } : e)) };
    }),
});

/**
 * Whether an incoming call may ring (the phone rejects it with 486 otherwise): true when Ready, or On call
 * with Ready to come back to (call waiting is the phone's business); false in Not ready and Wrap-up.
 */
export const selectAcceptsCalls = (state: Pick<AgentSlice, 'agent'>): boolean => acceptsCalls(state.agent);

/** The agent's current state (Ready, Not ready + reason, On call, Wrap-up). */
export const selectAgentState = (state: Pick<AgentSlice, 'agent'>) => state.agent.state;

declare module '../../platform/store' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges this slice into the app state
  interface AppState extends AgentSlice {}
}
