/**
 * Turning a thrown value into text. Anything can be thrown (an Error, a DOMException, a string from a
 * library, a worker's plain object), so both helpers take `unknown`.
 */

/** Longest error description a log line carries: a stack and its causes, not a dump. */
export const MAX_ERROR_CHARS = 4000;

/** How many `cause`s are followed: enough for a wrapped wrapper, never a loop. */
const MAX_CAUSES = 3;

/**
 * An error's message for people (a problem detail in the UI, a worker's reply, a stored failure
 * reason): no name, no stack. Keeps what the UI showed before: `error.message`, else `String(error)`.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * An error for a log line: its stack when it has one, else `name: message`, else `String(value)`,
 * followed by its causes (a stack does not show them), capped at `maxChars`.
 */
export function describeError(error: unknown, maxChars = MAX_ERROR_CHARS): string {
  let text = describeOne(error);
  let cause = causeOf(error);
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth++) {
    text += `\nCaused by: ${describeOne(cause)}`;
    cause = causeOf(cause);
  }
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

function describeOne(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { stack, name, message } = error as { stack?: unknown; name?: unknown; message?: unknown };
    const head = typeof message === 'string' ? `${typeof name === 'string' && name !== '' ? name : 'Error'}: ${message}` : undefined;
    // Firefox and Safari stacks list only the frames; Chromium's start with the head already.
    if (typeof stack === 'string' && stack !== '') return head && !stack.includes(head) ? `${head}\n${stack}` : stack;
    if (head) return head;
  }
  try {
    return String(error);
  } catch {
    // An object without a prototype (or with a throwing toString) still gets a line.
    return Object.prototype.toString.call(error);
  }
}

function causeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'cause' in error ? (error as { cause: unknown }).cause : undefined;
}
