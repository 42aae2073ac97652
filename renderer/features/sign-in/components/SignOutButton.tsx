import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';

/** Who is signed in, and Sign out (not during a call: the calls would drop). */
export function SignOutButton({ onSignOut }: { onSignOut(): void }) {
  const { t } = useTranslation();
  const signIn = useAppStore((s) => s.signIn);
  const inCall = useAppStore((s) => s.calls.length > 0);
  if (signIn.status !== 'signed-in') return null;
  return (
    <span className="sign-out">
      <span className="sign-out__agent">{t('signIn.signedInAs', { agentId: signIn.agentId })}</span>{' '}
      <button type="button" onClick={onSignOut} disabled={inCall} title={inCall ? t('signIn.signOutDuringCall') : undefined}>
        {t('signIn.signOut')}
      </button>
    </span>
  );
}
