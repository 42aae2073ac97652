import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../platform/assert-never';
import { useAppStore } from '../../../platform/store';

/** The SIP registration state, announced politely to screen readers when it changes. */
export function RegistrationStatus() {
  const { t } = useTranslation();
  const registration = useAppStore((s) => s.registration);
  let text: string;
  switch (registration.state) {
    case 'connecting':
      text = t('registration.connecting');
      break;
    case 'registered':
      text = t('registration.registered');
      break;
    case 'unregistered':
      text = t('registration.unregistered');
      break;
    case 'failed':
      text = t('registration.failed', { reason: t(`registration.reason.${registration.reason ?? 'rejected'}`) });
      break;
    default:
      assertNever(registration.state);
  }
  return (
    <div
      role="status"
      aria-label={t('registration.label')}
      className={`registration registration--${registration.state}`}
      // Which of the policy's servers carries the registration (the first may be down).
      title={registration.server ? t('registration.server', { server: registration.server }) : undefined}
    >
      {text}
    </div>
  );
}
