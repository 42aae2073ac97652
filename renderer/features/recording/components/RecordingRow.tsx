import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../ui/format';
import { recordingAudio } from '../recording-service';
import { DamagedRecordingError, type RecordingManifest } from '../types';

/**
 * One cached recording: the call, its state (a status: recording, saved, uploading, uploaded,
 * recovered, damaged), its paused spans and recorder restarts, and, when the policy allows, Play
 * recording (both channels, decrypted in memory).
 */
export function RecordingRow({ recording, playback }: { recording: RecordingManifest; playback: boolean }) {
  const { t, i18n } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  const play = async () => {
    setError(null);
    try {
      const audio = await recordingAudio(recording.id);
      setUrl(URL.createObjectURL(audio));
    } catch (cause) {
      setError(cause instanceof DamagedRecordingError ? t('recording.damagedAt', { seq: cause.seq + 1 }) : t('recording.playFailed'));
    }
  };
  const time = new Intl.DateTimeFormat(i18n.language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const duration = (recording.endedAt ?? recording.startedAt) - recording.startedAt;
  const label = t('recording.rowLabel', { number: recording.number, time: time.format(recording.startedAt) });
  return (
    <li className={`recordings__row recordings__row--${recording.state}`} aria-label={label} data-recording-id={recording.id} data-call-id={recording.callId}>
      <span className="recordings__direction">{t(`history.${recording.direction}`)}</span>{' '}
      <span className="recordings__number">{recording.number}</span>{' '}
      <time dateTime={new Date(recording.startedAt).toISOString()}>{time.format(recording.startedAt)}</time>{' '}
      <span className="recordings__duration">{formatDuration(duration)}</span>{' '}
      <span role="status" aria-label={t('recording.uploadState')} className="recordings__state" data-state={recording.state}>
        {t(`recording.state.${recording.state}`)}
        {recording.upload?.lastError && recording.state !== 'uploaded' ? ` · ${t('recording.retrying')}` : ''}
      </span>{' '}
      {recording.paused.length > 0 && (
        <span className="recordings__paused" data-paused={JSON.stringify(recording.paused.map((p) => [p.startMs, p.endMs ?? null]))}>
          {t('recording.pausedSpans', {
            list: recording.paused.map((p) => `${formatDuration(p.startMs)}–${p.endMs === undefined ? '…' : formatDuration(p.endMs)}`).join(', '),
          })}
        </span>
      )}{' '}
      {recording.restarts && recording.restarts.length > 0 && (
        <span className="recordings__restarts" data-restarts={JSON.stringify(recording.restarts.map((r) => [r.lastAudioMs, r.atMs]))}>
          {t('recording.restarts', { list: recording.restarts.map((r) => formatDuration(r.atMs)).join(', ') })}
        </span>
      )}{' '}
      {playback && !recording.audioDeleted && (
        <button type="button" onClick={() => void play()}>
          {t('recording.play')}
        </button>
      )}
      {error && <span className="recordings__error" role="alert">{error}</span>}
      {url && <audio className="recordings__player" src={url} controls autoPlay aria-label={t('recording.player')} />}
    </li>
  );
}
