import { useEffect, useId, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { getDeviceManager } from '../devices-service';
import { DeviceSelect } from './DeviceSelect';
import { MicLevelMeter } from './MicLevelMeter';
import { SpeakerTest } from './SpeakerTest';
import { trapTab } from './focus-trap';

/**
 * The "Audio settings" dialog: a modal <dialog> (the rest of the page is inert), Escape closes it, Tab
 * cycles inside it, and focus goes back to the button that opened it. Opening it asks for the microphone
 * once, since browsers hide device names until then.
 */
export function AudioSettingsDialog({ onClose, returnFocus }: { onClose(): void; returnFocus: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const permission = useAppStore((s) => s.devicePermission);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('select, button')?.focus();
    void getDeviceManager()?.ensurePermission();
    const opener = returnFocus.current;
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [returnFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab' && ref.current) {
      trapTab(event, ref.current);
    }
  };

  return (
    <dialog
      ref={ref}
      className="audio-settings__dialog"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t('devices.title')}</h2>
      {permission === 'denied' && <p className="error">{t('devices.denied')}</p>}
      {permission === 'unknown' && <p className="muted">{t('devices.namesHidden')}</p>}
      <DeviceSelect role="microphone" />
      <MicLevelMeter />
      <DeviceSelect role="speaker" />
      <SpeakerTest />
      <DeviceSelect role="ringer" />
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('devices.close')}
        </button>
      </div>
    </dialog>
  );
}
