/** The callbacks feature's public surface: what the app may import. */
export { startCallbacks, type Callbacks, type CallbacksDeps } from './callbacks-service';
export { createCallbacksSlice, type CallbacksSlice } from './callbacks-slice';
export { CallbackDialog } from './components/CallbackDialog';
export { CallbacksPanel } from './components/CallbacksPanel';
export { CallbackContext, CallbackHistoryTag } from './components/CallbackContext';
export { ScheduleCallbackButton } from './components/ScheduleCallbackButton';
export { FollowUpCallback, selectCallbackScheduled } from './components/FollowUpCallback';
export { selectOverdueCount } from './domain/callback-rules';
