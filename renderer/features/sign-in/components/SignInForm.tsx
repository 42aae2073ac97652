import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { submitSignIn } from '../sign-in-service';

/**
 * The first thing a new install under a `sip.uriTemplate` policy shows: agent ID and password, checked with
 * the phone server before the desk starts. The agent ID is remembered (not secret); the password only with
 * the policy's `sip.rememberPassword` and the agent's tick, in the OS keyring.
 */
export function SignInForm() {
  const { t } = useTranslation();
  const signIn = useAppStore((s) => s.signIn);
  const browser = useAppStore((s) => s.hostKind === 'browser');
  const [agentId, setAgentId] = useState(signIn.status === 'form' ? signIn.agentId : '');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  if (signIn.status !== 'form') return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.checking || agentId.trim() === '' || password === '') return;
    void submitSignIn({ agentId: agentId.trim(), password }, remember).then(() => setPassword(''));
  };
  return (
    <form className="sign-in" aria-label={t('signIn.form')} onSubmit={submit}>
      <h2>{t('signIn.title')}</h2>
      {signIn.error && (
        <p role="alert" className="sign-in__error">
          {t(`signIn.error.${signIn.error}`)}
        </p>
      )}
      <label>
        {t('signIn.agentId')}
        <input name="agentId" autoComplete="username" required autoFocus={agentId === ''} value={agentId} onChange={(e) => setAgentId(e.target.value)} />
      </label>
      <label>
        {t('signIn.password')}
        <input name="password" type="password" autoComplete="current-password" required autoFocus={agentId !== ''} value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {signIn.mayRemember && (
        <label className="sign-in__remember">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> {t('signIn.remember')}
        </label>
      )}
      {browser && <p className="sign-in__note">{t('signIn.browserNote')}</p>}
      <button type="submit" disabled={signIn.checking} aria-busy={signIn.checking}>
        {signIn.checking ? t('signIn.checking') : t('signIn.submit')}
      </button>
    </form>
  );
}
