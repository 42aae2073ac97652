import { useTranslation } from 'react-i18next';

/** What a tab opened by a tel: link says after handing its number to the Lingxi tab already running. */
export function DialHandedOff() {
  const { t } = useTranslation();
  return (
    <p role="status" className="click-to-dial__handed-off">
      {t('clickToDial.handedOff')}
    </p>
  );
}
