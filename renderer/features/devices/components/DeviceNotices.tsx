import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useAppStore } from '../../../platform/store';
import type { AudioDevice } from '../device-matching';
import type { DeviceNotice } from '../devices-slice';

/** How long a notice stays; it is also read out once by screen readers (polite status). */
export const NOTICE_MS = 15_000;

/** The notice's sentence, e.g. "Microphone “Jabra Evolve 65” unplugged: now using System default (…)". */
export function noticeText(t: TFunction, notice: DeviceNotice): string {
  const name = (device: AudioDevice | null) => device?.label || t('devices.unknownDevice');
  const current = notice.currentIsDefault
    ? notice.current?.label
      ? t('devices.systemDefaultNamed', { label: notice.current.label })
      : t('devices.systemDefault')
    : name(notice.current);
  return t(`devices.notice.${notice.kind}`, { role: t(`devices.${notice.role}`), previous: name(notice.previous), current });
}

/** The status region that tells the agent audio moved (always present so additions are announced). */
export function DeviceNotices() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.deviceNotices);
  return (
    <div role="status" aria-label={t('devices.notices')} className="device-notices">
      {notices.map((notice) => (
        <NoticeLine key={notice.id} notice={notice} text={noticeText(t, notice)} />
      ))}
    </div>
  );
}

function NoticeLine({ notice, text }: { notice: DeviceNotice; text: string }) {
  const dismiss = useAppStore((s) => s.dismissDeviceNotice);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(notice.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [dismiss, notice.id]);
  return <p className="device-notices__item">{text}</p>;
}
