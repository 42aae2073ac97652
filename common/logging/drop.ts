import type { Logger } from './logger';

/**
 * Fire-and-forget with a witness (Signal Desktop's drop()): the promise runs on unawaited, and a failure
 * becomes a warning with its error instead of vanishing in `.catch(() => undefined)` or surfacing as an
 * unhandled rejection without context.
 * @param what the work, for the line `<what> failed`: `drop(purge(), log, 'purging expired profiles')`
 */
export function drop(promise: Promise<unknown> | undefined, log: Pick<Logger, 'warn'>, what: string): void {
  promise?.catch((error: unknown) => log.warn(`${what} failed`, error));
}
