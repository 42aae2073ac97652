/**
 * The `cti` policy section: which INVITEs' CTI headers (X-Customer-Id, X-Verified, …) the desktop may
 * believe. Anyone who can place a SIP call can write those headers, so they are trusted only from the
 * sources IT names here or with a valid signature.
 */
import { z } from 'zod';

/** The default customer-id shape: what a CRM key plausibly looks like, nothing a URL path could act on. */
export const DEFAULT_CUSTOMER_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

const host = String.raw`(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)`;
const trustedSource = z
  .string()
  .regex(new RegExp(String.raw`^sips?:(\*|[^@\s*;:<>?]+)@${host}$`, 'i'), 'must be a SIP URI such as sip:ivr@pbx.bank.example, or sip:*@pbx.bank.example for every user of a domain');

/** A regular expression's source that compiles; the problem names JavaScript's reason when it does not. */
export const regexSource = z
  .string()
  .min(1)
  .max(500)
  .superRefine((source, context) => {
    try {
      new RegExp(source);
    } catch (error) {
      context.addIssue({ code: 'custom', message: `must be a valid regular expression (${(error as Error).message})` });
    }
  });

export const ctiPolicySchema = z
  .strictObject({
    /**
     * SIP URIs whose CTI headers are believed, matched against the INVITE's P-Asserted-Identity, else its
     * From; `sip:*@domain` matches every user of that domain. Only as strong as the proxy's guarantee that
     * these headers cannot be forged from outside.
     */
    trustedSources: z.array(trustedSource).max(100).default([]),
    /** Shared key for the X-CTI-Signature HMAC-SHA256 (README: the canonical string). */
    hmacKey: z.string().min(32, 'must be at least 32 characters').max(1024).optional(),
    /** A signature older (or further in the future) than this is refused. */
    maxAgeSeconds: z.number().int().min(1).max(3600).default(60),
    /** Ask the CRM for the customer id an untrusted INVITE names (shown as unverified either way). */
    lookupUntrusted: z.boolean().default(false),
    /** Every customer id must match this as a whole; `.` and `..` are refused whatever it says. */
    customerIdPattern: regexSource.default(DEFAULT_CUSTOMER_ID_PATTERN),
  })
  .prefault({});
export type CtiPolicy = z.infer<typeof ctiPolicySchema>;
