import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createLogger } from '../../../platform/logger';
import { useAppStore } from '../../../platform/store';
import { targetId } from '../device-matching';
import { getDeviceManager } from '../devices-service';
import { LevelMeter } from '../mic-level';

const log = createLogger('devices');

/**
 * "Microphone level": a live meter on the chosen microphone while the dialog is open. It opens its own
 * capture (with the policy's processing, as a call would) and stops it on close or when the choice changes.
 */
export function MicLevelMeter() {
  const { t } = useTranslation();
  const [level, setLevel] = useState(0);
  const microphone = useAppStore((s) => targetId(s.deviceMatches.microphone));

  useEffect(() => {
    const manager = getDeviceManager();
    if (!manager) return;
    let meter: LevelMeter | null = null;
    let closed = false;
    manager
      .openMeterStream()
      .then((stream) => {
        if (closed) for (const track of stream.getTracks()) track.stop();
        else meter = new LevelMeter(stream, setLevel);
      })
      .catch((error: unknown) => log.warn('level meter not started', error));
    return () => {
      closed = true;
      meter?.stop();
      setLevel(0);
    };
  }, [microphone]);

  return (
    <meter className="mic-level" aria-label={t('devices.level')} min={0} max={100} low={15} high={90} optimum={50} value={level}>
      {level}
    </meter>
  );
}
