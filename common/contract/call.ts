/**
 * The words a call's record uses wherever it goes: the phone's call model, the stored call history and,
 * later, what a team lead's board and the tray show. Plain string unions, so every process can use them.
 */

export type CallDirection = 'incoming' | 'outgoing';

/** How a call ended, from the agent's side. */
export type CallOutcome = 'answered' | 'declined' | 'missed' | 'busy' | 'cancelled' | 'no-answer' | 'failed';
