import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../../ui/format';
import type { CallHistoryEntry } from '../../../db/schema';
import { dial } from '../../phone';
import { ageOn, dialableNumber, maskPhone, type CustomerProfile } from '@common/crm/profile-schema';
import { usePreferenceText } from './use-preference-text';

const INTERACTIONS_SHOWN = 5;

interface Interaction {
  at: number;
  channel: string;
  summary: string;
}

/** The caller's last interactions: this desktop's call history and the CRM's, newest first. */
export function lastInteractions(profile: CustomerProfile, local: Interaction[]): Interaction[] {
  const remote = profile.interactions
    .map((i) => ({ at: Date.parse(i.at), channel: i.channel, summary: i.summary }))
    .filter((i) => Number.isFinite(i.at));
  return [...local, ...remote].sort((a, b) => b.at - a.at).slice(0, INTERACTIONS_SHOWN);
}

/** Everything the CRM knows that helps the agent, rendered as text only. */
export function ProfileDetails({ profile, history, number, elderlyAge }: { profile: CustomerProfile; history: CallHistoryEntry[]; number: string; elderlyAge: number }) {
  const { t, i18n } = useTranslation();
  const age = profile.birthDate ? ageOn(profile.birthDate, new Date()) : undefined;
  const local = history
    .filter((h) => h.number === number || profile.phones.includes(h.number))
    .map((h) => ({ at: h.startedAt, channel: t('screenpop.localCall', { outcome: t(`history.outcome.${h.outcome}`) }), summary: h.wrapUp?.notes ?? '' }));
  const when = { format: (ms: number) => formatWhen(ms, i18n.language) };
  const preference = usePreferenceText()(profile.callPreference);
  const languageName = (code: string) => t(`screenpop.languageName.${code}` as 'screenpop.languageName.yue', { defaultValue: code });
  return (
    <div className="profile-details">
      {age !== undefined && age >= elderlyAge && <p className="cue cue--elderly">{t('screenpop.elderly', { age })}</p>}
      <dl className="profile-facts">
        {profile.idNumberMasked && (
          <>
            <dt>{t('screenpop.idNumber')}</dt>
            <dd>{profile.idNumberMasked}</dd>
          </>
        )}
        {profile.language && (
          <>
            <dt>{t('screenpop.language')}</dt>
            <dd>{languageName(profile.language)}</dd>
          </>
        )}
        {profile.dialect && (
          <>
            <dt>{t('screenpop.dialect')}</dt>
            <dd>{languageName(profile.dialect)}</dd>
          </>
        )}
        {preference && (
          <>
            <dt>{t('screenpop.callPreference')}</dt>
            <dd>{preference}</dd>
          </>
        )}
      </dl>
      {profile.riskLevel !== undefined && <p className={`risk risk--${profile.riskLevel}`}>{t('screenpop.risk', { level: profile.riskLevel })}</p>}
      {profile.tags.length > 0 && (
        <ul aria-label={t('screenpop.tags')} className="tags">
          {profile.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {profile.products.length > 0 && (
        <section aria-label={t('screenpop.products')}>
          <h3>{t('screenpop.products')}</h3>
          <ul>
            {profile.products.map((p, i) => (
              <li key={`${p.type}-${i}`}>
                {p.name} {p.numberMasked ?? ''} <span className="muted">{p.type}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {profile.complaints.length > 0 && (
        <section aria-label={t('screenpop.complaints')}>
          <h3>{t('screenpop.complaints')}</h3>
          <ul>
            {profile.complaints.map((c) => (
              <li key={c.id}>
                {c.title} · {c.status}
              </li>
            ))}
          </ul>
        </section>
      )}
      {lastInteractions(profile, local).length > 0 && (
        <section aria-label={t('screenpop.interactions')}>
          <h3>{t('screenpop.interactions')}</h3>
          <ul>
            {lastInteractions(profile, local).map((i) => (
              <li key={`${i.at}-${i.channel}`}>
                <time dateTime={new Date(i.at).toISOString()}>{when.format(i.at)}</time> {i.channel} {i.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
      {profile.phones.length > 0 && (
        <section aria-label={t('screenpop.phones')}>
          <h3>{t('screenpop.phones')}</h3>
          {profile.phones.map((phone) => {
            // Only a plain number is dialled, and the label masks what is dialled: a CRM value such as
            // sip:…@evil.example would otherwise call a foreign domain behind a harmless-looking label.
            const number = dialableNumber(phone);
            return number ? (
              <button key={phone} type="button" className="link" aria-label={t('screenpop.callNumber', { number: maskPhone(number) })} onClick={() => void dial(number)}>
                {maskPhone(number)}
              </button>
            ) : (
              <span key={phone} className="muted">
                {maskPhone(phone)}
              </span>
            );
          })}
        </section>
      )}
    </div>
  );
}
