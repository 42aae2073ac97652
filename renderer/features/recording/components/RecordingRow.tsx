import { useTranslation } from 'react-i18next';
import { formatDuration, formatOffset, formatWhen } from '../../../ui/format';
import type { RecordingManifest } from '../types';
import { RecordingPlayback } from './RecordingPlayback';

/**
 * One cached recording: the call, its paused spans (to the tenth of a second: a 0.4 s pause the PCI guard
 * made is not "00:03–00:03"), recorder restarts, customer audio withheld at a crash (not yet checked for card digits), its state (a status: recording, saved, uploading,
 * uploaded, recovered, damaged) and, when the policy allows, Play recording (both channels, decrypted in memory).
 */
export function RecordingRow({ recording, playback }: { recording: RecordingManifest; playback: boolean }) {
  const { t, i18n } = useTranslation();
  const time = { format: (ms: number) => formatWhen(ms, i18n.language) };
  const duration = (recording.endedAt ?? recording.startedAt) - recording.startedAt;
  const label = t('recording.rowLabel', { number: recording.number, time: time.format(recording.startedAt) });
  return (
    <li className={`recordings__row recordings__row--${recording.state}`} aria-label={label} data-recording-id={recording.id} data-call-id={recording.callId}>
      <span className="recordings__direction">{t(`history.${recording.direction}`)}</span>{' '}
      <span className="recordings__number">{recording.number}</span>{' '}
      <time dateTime={new Date(recording.startedAt).toISOString()}>{time.format(recording.startedAt)}</time>{' '}
      <span className="recordings__duration">{formatDuration(duration)}</span>{' '}
      {recording.paused.length > 0 && (
        <span className="recordings__paused" data-paused={JSON.stringify(recording.paused.map((p) => [p.startMs, p.endMs ?? null]))}>
          {t('recording.pausedSpans', {
            list: recording.paused.map((p) => `${formatOffset(p.startMs)}–${p.endMs === undefined ? '…' : formatOffset(p.endMs)}`).join(', '),
          })}
        </span>
      )}{' '}
      {recording.restarts && recording.restarts.length > 0 && (
        <span className="recordings__restarts" data-restarts={JSON.stringify(recording.restarts.map((r) => [r.lastAudioMs, r.atMs]))}>
          {t('recording.restarts', { list: recording.restarts.map((r) => formatDuration(r.atMs)).join(', ') })}
        </span>
      )}{' '}
      {recording.withheld && recording.withheld.length > 0 && (
        <span className="recordings__withheld" data-withheld={JSON.stringify(recording.withheld.map((w) => [w.startMs, w.endMs]))}>
          {t('recording.withheld', { list: recording.withheld.map((w) => `${formatOffset(w.startMs)}–${formatOffset(w.endMs)}`).join(', ') })}
        </span>
      )}{' '}
      <RecordingPlayback recording={recording} playback={playback} stateLabel={t('recording.uploadState')} />
    </li>
  );
}
