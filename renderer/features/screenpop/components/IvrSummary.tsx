import { useTranslation } from 'react-i18next';
import type { CtiInfo } from '../cti';

/** What the IVR learned before the call reached the agent. */
export function IvrSummary({ cti }: { cti: CtiInfo }) {
  const { t } = useTranslation();
  if (!cti.ivrPath && !cti.intent && cti.verified === undefined && !cti.queue) return null;
  return (
    <section aria-label={t('screenpop.ivr.heading')} className="ivr-summary">
      <h3>{t('screenpop.ivr.heading')}</h3>
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
      </dl>
      {cti.verified !== undefined && (
        <p className={cti.verified ? 'verified' : 'not-verified'}>
          {cti.verified ? `✓ ${t('screenpop.ivr.verified')}` : `⚠ ${t('screenpop.ivr.notVerified')}`}
        </p>
      )}
    </section>
  );
}
