import type { CallDirection, CallOutcome } from './types';

/**
 * Classifies how a call ended for the history, from JsSIP's end cause and the SIP status.
 * @param answered whether the call was ever answered
 * @param originator who ended it ('local' | 'remote' | 'system')
 */
export function classifyOutcome(
  direction: CallDirection,
  answered: boolean,
  originator: string,
  cause: string,
  statusCode?: number,
): CallOutcome {
  if (answered) return 'answered';
  if (direction === 'incoming') {
    if (statusCode === 486 && originator === 'local') return 'busy';
    if (originator === 'local') return 'declined';
    return 'missed';
  }
  if (originator === 'local') return 'cancelled';
  if (statusCode === 486 || statusCode === 600 || cause === 'Busy') return 'busy';
  if (statusCode === 603 || cause === 'Rejected') return 'declined';
  if (statusCode === 408 || statusCode === 480 || cause === 'No Answer' || cause === 'Unavailable') return 'no-answer';
  return 'failed';
}
