/** The agent feature's public surface: what the app and higher features may import. */
export { chooseAvailability, holdNotReady, recordInterruptedCalls, setWrapUpCode, setWrapUpNotes, startAgent, toggleReady } from './agent-service';
export type { Availability, HoldReason } from './agent-machine';
export { createAgentSlice, selectAcceptsCalls } from './agent-slice';
export { AgentStateSelect } from './components/AgentStateSelect';
export { CallHistory } from './components/CallHistory';
export { WrapUpPanel } from './components/WrapUpPanel';
export { labelOf, localize } from './localized-label';
export { historyEntryFor, recentCalls, saveCall, type InterruptedCall } from './history-repo';
