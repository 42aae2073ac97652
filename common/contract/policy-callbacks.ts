/**
 * Policy section `callbacks` (issue 27): reasons, calling hours, the retry plan, dropped calls and the bank's
 * callback service. Pure zod: renderer/features/callbacks applies it.
 */
import { z } from 'zod';
import { coded, uniqueCodes } from './policy-agent';
import { serviceUrl } from './policy-urls';

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a time HH:MM, e.g. "08:00"');

/** An IANA time zone name that this runtime knows (Intl), e.g. Asia/Shanghai. */
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as "Asia/Shanghai"');

const defaultReasons = [
  { code: 'queue-full', label: { 'zh-CN': '排队过久', 'zh-TW': '排隊過久', en: 'Could not wait in the queue' } },
  { code: 'back-office', label: { 'zh-CN': '需后台答复', 'zh-TW': '需後台答覆', en: 'Answer from the back office' } },
  { code: 'customer-asked', label: { 'zh-CN': '客户要求回电', 'zh-TW': '客戶要求回電', en: 'Customer asked for a call back' } },
  { code: 'dropped', label: { 'zh-CN': '通话中断', 'zh-TW': '通話中斷', en: 'Call dropped' } },
];

export const callbacksPolicySchema = z
  .strictObject({
    /** Why a callback was promised; `dropped` is the one automatic scheduling uses when listed. */
    reasons: z.array(coded).min(1).refine(uniqueCodes, 'codes must be unique').default(defaultReasons),
    /**
     * When customers may be called, in the bank's time zone: from `start` to `end` on `days` (1 = Monday … 7 =
     * Sunday). A window outside them moves to the next opening unless the customer asked for that time.
     */
    hours: z
      .strictObject({
        timeZone: timeZone.default('Asia/Shanghai'),
        start: hhmm.default('08:00'),
        end: hhmm.default('21:00'),
        days: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5, 6, 7]),
      })
      .refine((h) => h.start < h.end, 'start must be before end')
      .prefault({}),
    /** Minutes after each unanswered attempt before the next (its length is the number of retries). */
    retryMinutes: z.array(z.number().int().min(1).max(7 * 24 * 60)).max(10).default([30, 120, 1440]),
    /** A dropped call not called back by hand is scheduled this many minutes after it dropped; 0 = never. */
    droppedCallMinutes: z.number().int().min(0).max(240).default(5),
    /** The bank's callback service (delta sync both ways, ETag); none = this desk's list only. */
    syncUrl: serviceUrl.optional(),
    /** Sync every this many minutes (and at start). */
    syncMinutes: z.number().min(1).max(24 * 60).default(5),
  })
  .prefault({});

export type CallbacksPolicy = z.infer<typeof callbacksPolicySchema>;
