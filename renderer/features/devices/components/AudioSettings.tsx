import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AudioSettingsDialog } from './AudioSettingsDialog';
import { DeviceNotices } from './DeviceNotices';

/** The header's "Audio settings" button, its dialog, and the notices that say when audio moved. */
export function AudioSettings() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  return (
    <div className="audio-settings">
      <button ref={opener} type="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        {t('devices.open')}
      </button>
      {open && <AudioSettingsDialog onClose={close} returnFocus={opener} />}
      <DeviceNotices />
    </div>
  );
}
