/**
 * The `supervision` policy section (issue 20): team leads watch their team on a live board (SIP
 * SUBSCRIBE/NOTIFY through the bank's own SIP server) and listen, whisper, barge or take over with a signed
 * INVITE to the agent's desktop, which mixes the audio locally; or, where the PBX supervises by itself, with
 * its feature codes. The same file configures both sides: an agent's desktop reads `leads`, a lead's
 * desktop (`role: "lead"`) reads `team`. Pure zod.
 */
import { z } from 'zod';

const sipUri = z.string().regex(/^sips?:[^@\s]+@[^@\s]+$/, 'must be a SIP URI such as sip:1001@pbx.bank.example');
const name = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
/** A raw 32-byte Ed25519 public key in base64 (`npm run supervision:keygen` prints it). */
const ed25519PublicKey = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 Ed25519 public key (44 characters) as printed by npm run supervision:keygen');

export const supervisionModes = ['listen', 'whisper', 'barge'] as const;
export type SupervisionMode = (typeof supervisionModes)[number];

/** Assist events a lead can have raised as desktop notifications. */
export const supervisionAlertKinds = ['keyword', 'frustration', 'long-silence', 'talk-over', 'pci', 'long-call', 'help'] as const;
export type SupervisionAlertKind = (typeof supervisionAlertKinds)[number];

/** A dial-string template with `{extension}` where the supervised agent's extension goes, e.g. `*222{extension}`. */
const dialTemplate = z
  .string()
  .regex(/^[0-9*#+]*\{extension\}[0-9*#+]*$/, 'must be digits, * # + and one {extension}, e.g. *222{extension}');
const dtmfDigits = z.string().regex(/^[0-9*#A-D]{1,8}$/, 'must be 1–8 DTMF digits (0–9 * # A–D)');

export const supervisionPolicySchema = z
  .strictObject({
    /** `lead` adds the team board and the supervision controls beside the lead's own softphone. */
    role: z.enum(['agent', 'lead']).default('agent'),
    /** A lead's team: whom the board subscribes to. */
    team: z.array(z.strictObject({ uri: sipUri, name })).max(200).default([]),
    /**
     * Who may watch and supervise this agent: SUBSCRIBEs and supervision INVITEs from anyone else are
     * answered 403. Matched on P-Asserted-Identity where the proxy sets it, else From. Each lead's public key
     * verifies their signed supervision requests.
     */
    leads: z.array(z.strictObject({ uri: sipUri, name: name.optional(), publicKey: ed25519PublicKey })).max(100).default([]),
    /**
     * Subscription lifetime (seconds): the lead refreshes before it runs out, and an agent whose desktop is
     * gone without a word shows Offline within it.
     */
    refreshSeconds: z.number().int().min(10).max(3600).default(60),
    /** A call longer than this raises a long-call alert on the lead's board. */
    longCallMinutes: z.number().int().min(1).max(240).default(10),
    /** Send the transcript text of an alert's utterance with the alert (off: only the kind and time). */
    shareTranscript: z.boolean().default(false),
    /** What the supervised agent is shown (the customer never sees anything). */
    notifyAgent: z.enum(['never', 'whisper-and-barge', 'always']).default('whisper-and-barge'),
    /** Alert kinds the lead's desktop raises as notifications (the board shows every kind). */
    notifyLeadOf: z.array(z.enum(supervisionAlertKinds)).default(['keyword', 'frustration', 'help']),
    /** How far a signed request's timestamp may be from this desktop's clock (seconds). */
    maxClockSkewSeconds: z.number().int().min(5).max(600).default(60),
    /**
     * PBX feature-code mode (Asterisk ChanSpy, FreeSWITCH eavesdrop): when set, the lead's buttons dial these
     * instead of the desktop-to-desktop supervision INVITE, and switch mode in the call with DTMF.
     */
    featureCodes: z
      .strictObject({
        listen: dialTemplate,
        whisper: dialTemplate.optional(),
        barge: dialTemplate.optional(),
        /** In-call DTMF that switches the PBX's supervision mode. */
        switchDigits: z.strictObject({ listen: dtmfDigits, whisper: dtmfDigits, barge: dtmfDigits }).partial().prefault({}),
      })
      .optional(),
  })
  .prefault({});

export type SupervisionPolicy = z.infer<typeof supervisionPolicySchema>;
