import { useTranslation } from 'react-i18next';
import type { CallSnapshot, TransferFailure } from '../sip/types';

/** "486 Busy Here", or a translated cause when no SIP status came back. */
function useFailureDetail(): (failure: TransferFailure) => string {
  const { t } = useTranslation();
  return (failure) =>
    failure.statusCode !== undefined
      ? `${failure.statusCode} ${failure.reason}`.trim()
      : t(`callControl.cause.${failure.reason}` as 'callControl.cause.timeout');
}

/** Where each transfer stands: a polite status while it runs, an alert when it failed (the call stayed). */
export function TransferStatus({ calls }: { calls: CallSnapshot[] }) {
  const { t } = useTranslation();
  const detail = useFailureDetail();
  return (
    <>
      {calls.map(({ id, transfer }) => {
        if (!transfer) return null;
        if (transfer.state === 'failed') {
          return (
            <p key={id} role="alert" className="error transfer-status">
              {t('callControl.failed', { detail: detail(transfer.failure ?? { reason: 'rejected' }) })}
            </p>
          );
        }
        const text =
          transfer.state === 'transferring'
            ? t('callControl.transferring', { target: transfer.target })
            : t('callControl.consulting', { target: transfer.target });
        return (
          <p key={id} role="status" className="transfer-status">
            {text}
          </p>
        );
      })}
    </>
  );
}
