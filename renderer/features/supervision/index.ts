/** The supervision feature's public surface: what the app and higher features may import. */
export { AskForHelp } from './components/AskForHelp';
export { TeamBoard } from './components/TeamBoard';
export { startBoard, toggleHelp, type BoardPorts } from './board/board-service';
export { createTeamSlice, selectTeam, type TeamSlice } from './board/team-slice';
export type { TeamCall, TeamLink, TeamMember, TeamState } from './board/team-types';
export { LeadSupervisionPanel } from './calls/components/LeadSupervisionPanel';
export { SupervisedStatus } from './calls/components/SupervisedStatus';
export { SupervisionActions } from './calls/components/SupervisionActions';
export { createSupervisionCallsSlice } from './calls/supervision-calls-slice';
export { startSupervisionCalls } from './calls/supervision-calls-service';
