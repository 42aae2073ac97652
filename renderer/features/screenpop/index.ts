/** The screenpop feature's public surface: what the app and higher features may import. */
export { CustomerProfile } from './components/CustomerProfile';
export { usePreferenceText } from './components/use-preference-text';
export { ageOn } from '@common/crm/profile-schema';
export { popDialledCall, startScreenpop } from './screenpop-service';
export { cachedCustomerName } from './profile-repo';
export { createScreenpopSlice, selectActivePop, selectTrustedCti } from './screenpop-slice';
export type { CtiInfo } from './cti';
