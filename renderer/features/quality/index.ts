/** The quality feature's public surface: what the app and higher features may import. */
export { CallQualityBadge } from './components/CallQualityBadge';
export { CallQualityStatus } from './components/CallQualityStatus';
export { CallQualitySummary } from './components/CallQualitySummary';
export { startQuality } from './quality-service';
export { createQualitySlice } from './quality-slice';
