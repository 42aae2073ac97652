/** The supervision feature's public surface: what the app and higher features may import. */
export { LeadSupervisionPanel } from './calls/components/LeadSupervisionPanel';
export { SupervisedStatus } from './calls/components/SupervisedStatus';
export { SupervisionActions } from './calls/components/SupervisionActions';
export { createSupervisionCallsSlice } from './calls/supervision-calls-slice';
export { startSupervisionCalls } from './calls/supervision-calls-service';
