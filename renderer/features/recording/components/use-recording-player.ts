import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordingAudio } from '../recording-service';
import { DamagedRecordingError } from '../types';

/** Verdicts about the end record (truncation, an edited or removed seal) rather than about one chunk's bytes. */
const SEAL_REASONS: ReadonlySet<string> = new Set(['truncated', 'unsealed', 'seal-invalid']);

/** Which message explains a damaged recording to the agent: a broken chunk, or a broken end record. */
export function damageMessageKey(reason: string): 'recording.damagedAt' | 'recording.damagedSeal' {
  return SEAL_REASONS.has(reason) ? 'recording.damagedSeal' : 'recording.damagedAt';
}

/**
 * Play recording for one recording: decrypts and verifies it in memory on demand and hands back a blob
 * URL for an audio element (revoked when it is replaced or the row goes), or the error the agent sees.
 */
export function useRecordingPlayer(recordingId: string): { url: string | null; error: string | null; play(): void } {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  const load = async () => {
    setError(null);
    try {
      setUrl(URL.createObjectURL(await recordingAudio(recordingId)));
    } catch (cause) {
      setError(cause instanceof DamagedRecordingError ? t(damageMessageKey(cause.reason), { seq: cause.seq + 1 }) : t('recording.playFailed'));
    }
  };
  return { url, error, play: () => void load() };
}
