/**
 * The callback service's wire format (policy `callbacks.syncUrl`), both directions:
 *   GET  <syncUrl>?since=<cursor>  (If-None-Match: <etag>)  → 304, or 200 { cursor, hasMore?, callbacks: [...] }
 *   POST <syncUrl>  { agent, callbacks: [...] }             → 200 { rejected: [ids] }
 * Each callback carries `owner`, the agent URI that holds it; one a colleague holds leaves the others' lists.
 * A POSTed callback the service already gave to someone else comes back in `rejected`.
 */
import { z } from 'zod';

const outcome = z.enum(['reached', 'no-answer', 'wrong-number', 'declined', 'done-elsewhere']);
const text = (max: number) => z.string().max(max);

export const remoteCallbackSchema = z.object({
  id: z.string().min(1).max(100),
  number: text(40).min(1),
  reason: text(40),
  note: text(2000),
  windowStart: z.number(),
  windowEnd: z.number(),
  customerAsked: z.boolean(),
  preference: text(100).optional(),
  status: z.enum(['open', 'closed']),
  outcome: outcome.optional(),
  attempts: z.number().int().min(0),
  customerId: text(100).optional(),
  customerName: text(200).optional(),
  intent: text(200).optional(),
  summary: text(4000).optional(),
  elderly: z.boolean().optional(),
  sourceCallId: text(200).optional(),
  automatic: z.boolean().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** The agent (SIP URI) holding it; absent while nobody does. */
  owner: text(200).optional(),
});

export const callbackDeltaSchema = z.object({
  cursor: z.string().min(1).max(200),
  hasMore: z.boolean().optional(),
  callbacks: z.array(remoteCallbackSchema).max(10_000),
});
export type CallbackDelta = z.infer<typeof callbackDeltaSchema>;

export const pushAnswerSchema = z.object({ rejected: z.array(z.string()).default([]) });

/** Parses a delta's text for pullDeltas. */
export function parseCallbackDelta(text: string): { ok: true; value: CallbackDelta } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['not JSON'] };
  }
  const parsed = callbackDeltaSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}
