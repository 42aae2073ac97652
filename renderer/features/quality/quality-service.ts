/** Starts the call-quality monitor for a valid policy (from bootstrap, like every other feature). */
import type { Policy } from '@common/contract/policy';
import { createLogger } from '../../platform/logger';
import type { ServiceStore } from '../../platform/store';
import type { CallLifecycle } from '../phone';
import { startQualityMonitor, type QualityMonitorDeps } from './quality-monitor';
import { attachQuality, watchHistory } from './quality-repo';

const log = createLogger('quality');

/** Samples every answered call's getStats() through `peerConnection`; returns the function that stops it. */
export function startQuality(
  policy: Policy,
  store: ServiceStore,
  lifecycle: CallLifecycle,
  peerConnection: QualityMonitorDeps['peerConnection'],
): () => void {
  watchHistory();
  return startQualityMonitor({ store, lifecycle, thresholds: policy.quality, peerConnection, saveSummary: attachQuality, log });
}
