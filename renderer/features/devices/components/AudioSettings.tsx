import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AudioSettingsDialog } from './AudioSettingsDialog';
import { DeviceNotices } from './DeviceNotices';
import { HeaderButton } from '../../../ui/HeaderButton';

/** The header's "Audio settings" button, its dialog, and the notices that say when audio moved. */
export function AudioSettings() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  return (
    <div className="audio-settings">
      <HeaderButton ref={opener} icon="audio" label={t('devices.open')} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)} />
      {open && <AudioSettingsDialog onClose={close} returnFocus={opener} />}
      <DeviceNotices />
    </div>
  );
}
