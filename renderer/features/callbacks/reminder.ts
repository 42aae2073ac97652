/**
 * The reminder when callbacks fall due while the agent is Ready: one desktop notification (the Notification
 * API: Electron's and the browser host's alike) and a soft two-note chime in WebAudio, far quieter than the ring.
 */
import i18next from 'i18next';
import { drop } from '@common/logging/drop';
import { createLogger } from '../../platform/logger';
import type { StoredCallback } from '../../db/schema';

const log = createLogger('callbacks');

/** The chime: two short notes (E5, C5), at about a fifth of the ring's level. */
export const CHIME = { notes: [659.25, 523.25], noteSeconds: 0.25, gain: 0.03 } as const;

/** Shows what fell due; the notification brings Lingxi forward when clicked. */
export function notifyDue(due: readonly StoredCallback[]): void {
  if (due.length === 0 || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const [first] = due;
  try {
    const notification = new Notification(i18next.t('callbacks.reminder.title', { count: due.length }), {
      body: first ? i18next.t('callbacks.reminder.body', { number: first.number, count: due.length }) : '',
      tag: 'lingxi-callbacks-due',
    });
    notification.onclick = () => {
      window.focus();
      document.getElementById('callbacks')?.focus();
      notification.close();
    };
  } catch (error) {
    log.warn('callback reminder: desktop notification failed', error);
  }
}

let context: AudioContext | null = null;

/** Plays the chime once (silently skipped where audio cannot start, e.g. a browser tab never clicked). */
export function playChime(createContext: () => AudioContext = () => new AudioContext()): void {
  try {
    context ??= createContext();
    const ctx = context;
    drop(ctx.resume(), log, 'resuming the callback chime');
    const gain = ctx.createGain();
    gain.gain.value = CHIME.gain;
    gain.connect(ctx.destination);
    CHIME.notes.forEach((frequency, index) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = frequency;
      osc.connect(gain);
      const at = ctx.currentTime + index * CHIME.noteSeconds;
      osc.start(at);
      osc.stop(at + CHIME.noteSeconds * 0.9);
    });
  } catch (error) {
    log.warn('callback chime failed', error);
  }
}
