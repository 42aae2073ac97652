/**
 * Policy section `dial`: click-to-dial (tel:/sip:/callto: links, `?dial=`, the clipboard shortcut `shortcuts.dial`).
 * Pure zod: common/dial/dial-check.ts applies it, renderer/features/dial shows it.
 */
import { z } from 'zod';
import { regexSource } from './policy-cti';

const patterns = z.array(regexSource).max(100);

export const dialPolicySchema = z
  .strictObject({
    /** Show the Dial dialog (number, customer name) before dialling; false dials at once (never during a call). */
    confirm: z.boolean().default(true),
    /** Prepended to every number that is not an internal extension (an outside-line digit such as "9"). */
    prefix: z.string().regex(/^[0-9*#]{0,8}$/, 'must be up to 8 digits, * or #, e.g. "9"').default(''),
    /** Internal extensions (no prefix), matched against the whole normalised number. */
    internalPattern: regexSource.default(String.raw`\d{3,4}`),
    /** The normalised number must match one of these as a whole (empty: every number); checked before the prefix. */
    allowedPatterns: patterns.default([]),
    /** A normalised number matching any of these as a whole is refused, even when allowed. */
    deniedPatterns: patterns.default([]),
  })
  .prefault({});

export type DialPolicy = z.infer<typeof dialPolicySchema>;
