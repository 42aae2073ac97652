/**
 * JsSIP 3.13's typings lag its code for the event framework: subscription states are numbers (the typed
 * `C` lists only termination codes), IncomingRequest.reply exists, Notifier takes `defaultExpires`. These
 * few adapters keep the casts in one place.
 */
import type { UA } from 'jssip';
import type { Notifier } from 'jssip/lib/Notifier';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';

/** Notifier and Subscriber share these state numbers (JsSIP's C.STATE_*). */
const STATE_TERMINATED = 2;
const STATE_INIT = 3;

/** Whether a Notifier or Subscriber has ended. */
export function hasEnded(dialog: { state: unknown }): boolean {
  return dialog.state === STATE_TERMINATED;
}

/** Whether a Subscriber has sent its SUBSCRIBE (terminate() throws before). */
export function hasStarted(dialog: { state: unknown }): boolean {
  return dialog.state !== STATE_INIT;
}

/** Answers an incoming request outside any dialog (403, 489). */
export function reply(request: IncomingRequest, status: number, reason: string, extraHeaders: string[] = []): void {
  (request as unknown as { reply(status: number, reason?: string, extraHeaders?: string[]): void }).reply(status, reason, extraHeaders);
}

/** UA.notify with the options JsSIP 3.13 reads. */
export function createNotifier(ua: UA, request: IncomingRequest, contentType: string, options: { defaultExpires: number; allowEvents: string }): Notifier {
  return ua.notify(request, contentType, options as Parameters<UA['notify']>[2]);
}
