/** Runs the call-quality monitor while a valid policy is in force (mounted once, by App). */
import { useEffect } from 'react';
import { createLogger } from '../../platform/logger';
import { useStore } from '../../app/store';
import { getEngine } from '../phone/phone-service';
import { startQualityMonitor } from './quality-monitor';
import { attachQuality, watchHistory } from './quality-repo';

const log = createLogger('quality');

export function useQualityMonitor(): void {
  const thresholds = useStore((s) => (s.policy.status === 'ready' ? s.policy.policy.quality : null));
  useEffect(() => {
    if (!thresholds) return undefined;
    watchHistory();
    return startQualityMonitor({
      store: useStore,
      thresholds,
      peerConnection: (callId) => getEngine()?.peerConnection(callId) ?? null,
      saveSummary: attachQuality,
      log,
    });
  }, [thresholds]);
}
