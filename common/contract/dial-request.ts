/**
 * A click-to-dial request on its way to the renderer: a tel:/sip:/callto: link handed over by the OS, a `?dial=`
 * address, or the clipboard's text when the dial shortcut was pressed. Zod-free, like system-events.ts: the
 * sandboxed preload imports it. The text is untrusted: the renderer parses and checks it (common/dial/).
 */
import { MAX_DIAL_INPUT } from '../dial/number';

/** Where a request came from: `link` (OS protocol client, browser protocol handler), `address` (`?dial=`), `clipboard` (the dial shortcut). */
export const dialSources = ['link', 'address', 'clipboard'] as const;
export type DialSource = (typeof dialSources)[number];

export interface DialRequest {
  /** As received, at most MAX_DIAL_INPUT characters. */
  text: string;
  source: DialSource;
  /**
   * What the host already knows is wrong (the text is then empty): `too-long` (more than MAX_DIAL_INPUT
   * characters: never cut into some other number), `clipboard-unreadable` (the browser refused to read it).
   */
  problem?: DialRequestProblem;
}

export const dialRequestProblems = ['too-long', 'clipboard-unreadable'] as const;
export type DialRequestProblem = (typeof dialRequestProblems)[number];

/** The request for `text` from `source`: an over-long text travels as its problem, not as a cut-off number. */
export function dialRequest(text: string, source: DialSource): DialRequest {
  return text.length > MAX_DIAL_INPUT ? { text: '', source, problem: 'too-long' } : { text, source };
}

/** The ipcRenderer.on channel main sends a DialRequest on. */
export const DIAL_REQUEST_CHANNEL = 'dial:request';

/** Whether a value received over IPC is a DialRequest (the preload drops anything else). */
export function isDialRequest(value: unknown): value is DialRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { text, source, problem, ...rest } = value as Record<string, unknown>;
  return (
    typeof text === 'string' &&
    text.length <= MAX_DIAL_INPUT &&
    (dialSources as readonly unknown[]).includes(source) &&
    (problem === undefined || (dialRequestProblems as readonly unknown[]).includes(problem)) &&
    Object.keys(rest).length === 0
  );
}
