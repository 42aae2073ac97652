/** The phone feature's public surface: what the app and higher features may import. */
export { CurrentCall } from './components/CurrentCall';
export { Dialer } from './components/Dialer';
export { IncomingCall } from './components/IncomingCall';
export { RegistrationStatus } from './components/RegistrationStatus';
export { answer, dial, engineConfigFrom, hangup, holdAndDial, sendDtmf, setHold, setMute, startPhone } from './phone-service';
export { checkCredentials, type CredentialCheck } from './sip/check-credentials';
export { createPhoneSlice, selectCurrentCall, selectRingingCall } from './phone-slice';
export type { PhoneSlice } from './phone-slice';
export type { CallAudio, DialResult, IncomingHook, PhoneEngine, UserAgentHook } from './sip/phone-engine';
export type { ConsultResult } from './sip/call-control';
export { createIceGatheringTimeout } from './sip/ice-timeout';
export type { CallEnd, CallSnapshot, InviteOrigin, MediaProvider } from './sip/types';
export { createCallLifecycle } from './call-lifecycle';
export type { CallLifecycle, CallLifecycleEvent, CallLifecyclePublisher } from './call-lifecycle';
