/**
 * The Lingxi agent event package (issue 20 §1): what an agent's desktop tells its team leads in each SIP
 * NOTIFY (RFC 6665), `Event: lingxi-agent`, `Content-Type: application/vnd.lingxi.agent+json`. Versioned:
 * `v` is 1; a lead that receives a version it does not know shows the agent as unreadable rather than guess.
 * Minimal by design: masked customer names, no numbers, no account data, transcript text only when the
 * agent's policy has `supervision.shareTranscript`. Pure zod, shared by the notifier, the lead and the docs.
 */
import { z } from 'zod';
import { supervisionAlertKinds } from './policy-supervision';

/** The event package name (Event header) and its body's media type. */
export const AGENT_EVENT_PACKAGE = 'lingxi-agent';
export const AGENT_EVENT_CONTENT_TYPE = 'application/vnd.lingxi.agent+json';
export const AGENT_EVENT_VERSION = 1;
/** RFC 4235: desk phones' busy lamps subscribe to this one. */
export const DIALOG_EVENT_PACKAGE = 'dialog';
export const DIALOG_INFO_CONTENT_TYPE = 'application/dialog-info+xml';

export const teamStates = ['ready', 'not-ready', 'ringing', 'on-call', 'on-hold', 'wrap-up', 'offline'] as const;
export type TeamState = (typeof teamStates)[number];

const epochMs = z.number().int().nonnegative();
const shortText = z.string().max(100);

/** A masked customer name: one leading character, then only asterisks (张*, J*). */
export const maskedName = z.string().regex(/^[^*\s]\*{1,3}$/u, 'must be masked: one character and asterisks, e.g. 张*');

export const agentAlertSchema = z.strictObject({
  /** Unique per alert on this agent's desktop, so the lead never shows one twice. */
  id: z.string().min(1).max(64),
  kind: z.enum(supervisionAlertKinds),
  /** Epoch ms the agent's desktop raised it. */
  atMs: epochMs,
  /** The utterance behind a keyword alert, only with `supervision.shareTranscript`. */
  text: z.string().max(500).optional(),
});
export type AgentAlert = z.infer<typeof agentAlertSchema>;

export const agentCallSchema = z.strictObject({
  /** The customer call's SIP Call-ID (what a supervision INVITE names). */
  id: z.string().min(1).max(256),
  direction: z.enum(['incoming', 'outgoing']),
  startedAtMs: epochMs,
  queue: shortText.optional(),
  intent: shortText.optional(),
  customer: maskedName.optional(),
  vip: z.boolean().optional(),
  elderly: z.boolean().optional(),
  quality: z.enum(['good', 'fair', 'poor']).optional(),
});
export type AgentCall = z.infer<typeof agentCallSchema>;

export const agentEventBodySchema = z.strictObject({
  v: z.literal(AGENT_EVENT_VERSION),
  /** Increases with every NOTIFY of one desktop session: the lead ignores an older one arriving late. */
  seq: z.number().int().nonnegative(),
  /** The agent desktop's clock when it sent this NOTIFY: the lead corrects the times below for clock skew. */
  sentAtMs: epochMs,
  state: z.enum(teamStates),
  /** The Not ready reason, as the agent's desktop labels it. */
  reason: shortText.optional(),
  /** Epoch ms the agent entered the state. */
  sinceMs: epochMs,
  call: agentCallSchema.optional(),
  /** The current call's alerts (and a raised hand), newest last, at most 20. */
  alerts: z.array(agentAlertSchema).max(20),
  /** The agent asked for help (epoch ms); cleared when the agent lowers the hand or the call ends. */
  helpAtMs: epochMs.optional(),
  /** Callbacks this agent promised whose window has passed with no outcome (issue 27); absent = none. */
  overdueCallbacks: z.number().int().min(1).max(100_000).optional(),
});
export type AgentEventBody = z.infer<typeof agentEventBodySchema>;

export type ParsedAgentEvent = { ok: true; body: AgentEventBody } | { ok: false; problem: string };

/** Parses a NOTIFY body; says what is wrong (a version this desktop does not know, a bad field). */
export function parseAgentEvent(text: string): ParsedAgentEvent {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'the body is not JSON' };
  }
  const version = (json as { v?: unknown } | null)?.v;
  if (version !== AGENT_EVENT_VERSION) return { ok: false, problem: `unknown ${AGENT_EVENT_PACKAGE} body version ${String(version)} (this desktop reads ${AGENT_EVENT_VERSION})` };
  const parsed = agentEventBodySchema.safeParse(json);
  if (parsed.success) return { ok: true, body: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, problem: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` };
}
