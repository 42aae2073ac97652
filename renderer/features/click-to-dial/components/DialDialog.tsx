import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../platform/store';
import { selectCurrentCall } from '../../phone';
import { clickToDial, dialSituation } from '../dial-service';
import type { PromptRefusal } from '../dial-slice';
import './click-to-dial.css';

/** The sentence that says why a request is not dialled. */
function RefusalText({ refusal }: { refusal: PromptRefusal }) {
  const { t } = useTranslation();
  switch (refusal.kind) {
    case 'number':
    case 'request':
      return <>{t(`clickToDial.problem.${refusal.problem}`)}</>;
    case 'policy':
      return (
        <>
          {refusal.pattern === undefined
            ? t('clickToDial.policyAllowed', { number: refusal.number, rule: refusal.rule })
            : t('clickToDial.policyDenied', { number: refusal.number, rule: refusal.rule, pattern: refusal.pattern })}
        </>
      );
  }
}

/**
 * The Dial dialog: the number a link, the address or the clipboard asked for, the customer's name when the
 * CRM cache knows it, and Call / Cancel — or why it is not dialled, or Hold and call during a call. Escape cancels.
 */
export function DialDialog() {
  const { t } = useTranslation();
  const prompt = useAppStore((s) => s.dialPrompt);
  const situation = useAppStore(dialSituation);
  const current = useAppStore(selectCurrentCall);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // Not modal: a call that rings meanwhile must stay answerable (a modal dialog would make Answer inert).
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (prompt && !element.open) element.show();
    if (!prompt && element.open) element.close();
  }, [prompt]);

  const cancel = () => clickToDial()?.cancel();
  const decision = prompt?.decision;
  const caller = current?.remoteName || current?.remoteNumber || '';
  return (
    <dialog
      ref={dialog}
      className="click-to-dial"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        cancel();
      }}
    >
      <h2 id={titleId}>{t('clickToDial.title')}</h2>
      {prompt && decision && (
        <>
          <p className="click-to-dial__source">{t(`clickToDial.source.${prompt.source}`)}</p>
          {decision.ok ? (
            <dl>
              <dt>{t('clickToDial.number')}</dt>
              <dd className="click-to-dial__number">{decision.number}</dd>
              {prompt.customerName && (
                <>
                  <dt>{t('clickToDial.customer')}</dt>
                  <dd>{prompt.customerName}</dd>
                </>
              )}
              {decision.extension && (
                <>
                  <dt>{t('clickToDial.extension')}</dt>
                  <dd>{decision.extension}</dd>
                </>
              )}
              {decision.dialString !== decision.number && (
                <dd className="click-to-dial__dial-string">{t('clickToDial.dialString', { dialString: decision.dialString })}</dd>
              )}
            </dl>
          ) : (
            <div role="alert" className="click-to-dial__refused">
              <strong>{t('clickToDial.refused')}</strong> <RefusalText refusal={decision.refusal} />
            </div>
          )}
          {decision.ok && situation === 'in-call' && <p>{t('clickToDial.inCall', { caller })}</p>}
          {decision.ok && situation === 'busy' && <p>{t('clickToDial.busy')}</p>}
          {prompt.error && (
            <p role="alert" className="error">
              {t(prompt.error as 'dialer.error.busy')}
            </p>
          )}
          <div className="click-to-dial__actions">
            {decision.ok && situation !== 'busy' && (
              <button type="button" disabled={prompt.dialling} onClick={() => void clickToDial()?.confirm()}>
                {situation === 'in-call' ? t('clickToDial.holdAndCall') : t('clickToDial.call')}
              </button>
            )}
            {/* Focused first: an Enter meant for another window never dials. */}
            <button type="button" autoFocus onClick={cancel}>
              {t('clickToDial.cancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
