/**
 * Lingxi's customer profile: what screen pop shows, whatever the bank's CRM calls its fields
 * (policy crm.mapping translates). Identifiers are masked before a profile is built, so full ID and
 * card numbers never reach the store, the cache or a log.
 */
import { z } from 'zod';

/** Accepts a CRM string or number (ids and codes come either way) as text. */
const text = z.union([z.string(), z.number()]).transform(String);

export const productSchema = z.object({ type: text, name: text, numberMasked: z.string().optional() });
export const interactionSchema = z.object({ at: text, channel: text, summary: text });
export const complaintSchema = z.object({ id: text, title: text, status: text, openedAt: text.optional() });

export const customerProfileSchema = z.object({
  id: text.pipe(z.string().min(1)),
  name: text.pipe(z.string().min(1)),
  idNumberMasked: z.string().optional(),
  vipTier: text.optional(),
  language: text.optional(),
  dialect: text.optional(),
  tags: z.array(text).default([]),
  /** 1 (low) … 5 (high). */
  riskLevel: z.coerce.number().int().min(1).max(5).optional(),
  /** ISO date (YYYY-MM-DD). */
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date YYYY-MM-DD').optional(),
  phones: z.array(text).default([]),
  /** The customer's preferred calling time, canonical (call-preference.ts); the mapping leaves a bad one out. */
  callPreference: z.string().max(100).optional(),
  products: z.array(productSchema).default([]),
  interactions: z.array(interactionSchema).default([]),
  complaints: z.array(complaintSchema).default([]),
});

export type CustomerProfile = z.infer<typeof customerProfileSchema>;

/** Keeps the last four digits: "•••• 1234". Anything shorter than five characters is fully hidden. */
export function maskIdentifier(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  // Not an identifier (an object, a list): handed on as it is, so the profile schema names the field. String()
  // of a CRM object throws when its JSON has a "toString" key (found by fuzzing).
  if (typeof value !== 'string' && typeof value !== 'number') return value;
  const digits = String(value).replace(/[\s-]/g, '');
  return digits.length > 4 ? `•••• ${digits.slice(-4)}` : '••••';
}

/**
 * A card number as Chinese banks print it on statements: every digit but the last four hidden, in groups of
 * four from the left (•••• •••• •••• 7890; a 19-digit UnionPay card •••• •••• •••• ••• 7890), so its length
 * still shows. Short values hide wholly, like maskIdentifier.
 */
export function maskCardNumber(value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return maskIdentifier(value);
  const digits = String(value).replace(/[\s-]/g, '');
  if (digits.length <= 8) return maskIdentifier(value);
  const hidden = '•'.repeat(digits.length - 4).replace(/(.{4})(?=.)/g, '$1 ');
  return `${hidden} ${digits.slice(-4)}`;
}

/** Hides the middle of a phone number for display (138****8000); the full number stays dialable. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.length < 7) return phone;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * A CRM phone number as Lingxi may dial it: digits with at most a leading +, after dropping a tel: prefix
 * and the separators people type (spaces, - . ( ) /). Anything else — a sip: URI, letters, an @ — is not a
 * number and is not dialled: it would reach whatever domain the CRM value names.
 */
export function dialableNumber(phone: string): string | undefined {
  const number = phone.trim().replace(/^tel:/i, '').replace(/[\s\-.()/]/g, '');
  return /^\+?\d{3,20}$/.test(number) ? number : undefined;
}

/** Age in whole years on `today`, from an ISO birth date. */
export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}
