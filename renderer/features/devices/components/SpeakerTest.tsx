import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createLogger } from '../../../platform/logger';
import { useAppStore } from '../../../platform/store';
import { selectSpeakerSinkId } from '../devices-slice';
import { playTestTone } from '../speaker-test';

const log = createLogger('devices');

/** "Test speaker": a short tone on the chosen speaker, so the agent hears where call audio will go. */
export function SpeakerTest() {
  const { t } = useTranslation();
  const sinkId = useAppStore(selectSpeakerSinkId);
  const element = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);

  const play = async () => {
    if (playing || !element.current) return;
    setPlaying(true);
    try {
      await playTestTone(element.current, sinkId, (error) => log.warn('test tone: speaker not available', error));
    } catch (error) {
      log.warn('test tone failed', error);
    } finally {
      setPlaying(false);
    }
  };

  // aria-disabled rather than disabled while playing: a disabled button would drop keyboard focus.
  return (
    <div className="speaker-test">
      <button type="button" aria-disabled={playing} onClick={() => void play()}>
        {t('devices.testSpeaker')}
      </button>
      <audio ref={element} data-testid="speaker-test-audio" />
    </div>
  );
}
