/** The updates feature's public surface: what the app may import. */
export { UpdateBanner } from './components/UpdateBanner';
export { deskOf, startUpdates, type UpdatesPorts } from './updates-service';
export { createUpdatesSlice } from './updates-slice';
