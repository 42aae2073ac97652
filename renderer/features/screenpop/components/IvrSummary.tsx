import { useTranslation } from 'react-i18next';
import { hasCti, type CtiInfo } from '../cti';

/**
 * What the IVR learned before the call reached the agent. From a source the policy does not trust it is
 * labelled unverified caller data and never shows the verified tick: any caller can write these headers.
 */
export function IvrSummary({ cti, trusted }: { cti: CtiInfo; trusted: boolean }) {
  const { t } = useTranslation();
  if (trusted ? !cti.ivrPath && !cti.intent && cti.verified === undefined && !cti.queue : !hasCti(cti)) return null;
  const heading = trusted ? t('screenpop.ivr.heading') : t('screenpop.ivr.unverifiedHeading');
  return (
    <section aria-label={heading} className={trusted ? 'ivr-summary' : 'ivr-summary ivr-summary--unverified'}>
      <h3>{heading}</h3>
      {!trusted && <p className="hint">{t('screenpop.ivr.unverifiedHint')}</p>}
      <dl>
        {cti.intent && (
          <>
            <dt>{t('screenpop.ivr.intent')}</dt>
            <dd>{cti.intent}</dd>
          </>
        )}
        {cti.ivrPath && (
          <>
            <dt>{t('screenpop.ivr.path')}</dt>
            <dd>{cti.ivrPath}</dd>
          </>
        )}
        {cti.queue && (
          <>
            <dt>{t('screenpop.ivr.queue')}</dt>
            <dd>{cti.queue}</dd>
          </>
        )}
        {!trusted && cti.vip && (
          <>
            <dt>{t('screenpop.ivr.vip')}</dt>
            <dd>{cti.vip}</dd>
          </>
        )}
      </dl>
      {trusted && cti.verified !== undefined && (
        <p className={cti.verified ? 'verified' : 'not-verified'}>
          {cti.verified ? `✓ ${t('screenpop.ivr.verified')}` : `⚠ ${t('screenpop.ivr.notVerified')}`}
        </p>
      )}
    </section>
  );
}
