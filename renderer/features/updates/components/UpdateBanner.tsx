import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { localize } from '../../agent';
import './updates.css';

/**
 * The kill switch banner: this version is blocked or too old, no new calls will come, and what happens next
 * (Lingxi updates itself after the call, or IT installs the new version). Shown in both hosts.
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.updateStatus);
  const language = useAppStore((s) => s.language);
  if (!status || status.verdict.kind === 'allowed') return null;
  const { verdict, update, version } = status;
  // A plain string is shown in every language; a label in the nearest one IT wrote.
  const message = typeof status.message === 'object' ? localize(status.message, language) : status.message;
  const next =
    status.installedBy === 'it'
      ? t('updates.byIt')
      : update?.state === 'downloaded'
        ? t('updates.installSoon', { update: update.version })
        : update
          ? t('updates.downloading', { update: update.version })
          : t('updates.searching');
  return (
    <div role="alert" className="update-banner">
      <strong>{verdict.kind === 'blocked' ? t('updates.blocked', { version }) : t('updates.tooOld', { version, minimum: verdict.minimumVersion })}</strong>{' '}
      <span>{t('updates.noNewCalls')}</span> <span>{next}</span>
      {message && <p>{t('updates.fromIt', { message })}</p>}
    </div>
  );
}
