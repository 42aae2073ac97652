import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { selectActivePop } from '../screenpop-slice';
import { CrmProblem } from './CrmProblem';
import { IvrSummary } from './IvrSummary';
import { ProfileDetails } from './ProfileDetails';
import { ProfileSource } from './ProfileSource';

/**
 * The caller's profile, shown while the call still rings. `renderContext` adds what another feature knows of
 * the call (the app passes a callback's reason and note).
 */
export function CustomerProfile({ timeoutMs, elderlyAge, renderContext }: { timeoutMs: number; elderlyAge: number; renderContext?: (callId: string) => ReactNode }) {
  const { t } = useTranslation();
  const pop = useAppStore(selectActivePop);
  const history = useAppStore((s) => s.history);
  const choose = useAppStore((s) => s.chooseProfile);
  if (!pop) return null;
  const profile = pop.selected !== null ? pop.profiles[pop.selected] : undefined;
  // An untrusted X-VIP is listed with the unverified caller data, never as a badge.
  const vip = profile?.vipTier ?? (pop.trusted ? pop.cti.vip : undefined);
  return (
    <section aria-label={t('screenpop.label')} className="customer-profile" aria-busy={pop.loading} data-call-id={pop.callId}>
      <header className="customer-profile__header">
        <h2>{profile?.name ?? t('screenpop.caller', { number: pop.number })}</h2>
        {vip && <span className="badge badge--vip">{t('screenpop.vip', { tier: vip })}</span>}
        <ProfileSource pop={pop} />
      </header>
      {renderContext?.(pop.callId)}
      {pop.loading && <p className="muted">{t('screenpop.loading')}</p>}
      <CrmProblem pop={pop} timeoutMs={timeoutMs} />
      {!pop.loading && !pop.error && pop.source === 'crm' && pop.profiles.length === 0 && <p>{t('screenpop.noRecord')}</p>}
      {pop.profiles.length > 1 && pop.selected === null && (
        <div className="chooser">
          <p>{t('screenpop.chooser')}</p>
          {pop.profiles.map((p, index) => (
            <button key={p.id} type="button" onClick={() => choose(pop.callId, index)}>
              {p.name} {p.idNumberMasked ?? ''}
            </button>
          ))}
        </div>
      )}
      <IvrSummary cti={pop.cti} trusted={pop.trusted} />
      {profile && <ProfileDetails profile={profile} history={history} number={pop.number} elderlyAge={elderlyAge} />}
    </section>
  );
}
