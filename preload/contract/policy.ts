/**
 * The policy file: one JSON document that IT ships with the build and may lock.
 * Pure zod + TypeScript (no electron import): main, preload, the browser host and the renderer all use it.
 */
import { z } from 'zod';

/** Hosts for which plain ws:// is acceptable: the SIP server runs on this machine. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

const sipServerUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a wss:// URL' });
    return;
  }
  if (url.protocol === 'wss:') return;
  if (url.protocol === 'ws:' && isLoopbackHost(url.hostname)) return;
  ctx.addIssue({
    code: 'custom',
    message: url.protocol === 'ws:' ? 'must be a wss:// URL (ws:// is allowed only for loopback hosts)' : 'must be a wss:// URL',
  });
});

const sipUri = z
  .string()
  .regex(/^sips?:[^@\s]+@[^@\s]+$/, 'must be a SIP URI such as sip:1001@pbx.bank.example');

const iceServer = z.strictObject({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

export const languages = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof languages)[number];

export const sipPolicySchema = z.strictObject({
  /** WebSocket servers, tried in order. */
  servers: z.array(sipServerUrl).min(1, 'must list at least one server'),
  /** The agent's address of record. */
  uri: sipUri,
  /** Digest user name when it differs from the URI's user part. */
  authorizationUser: z.string().min(1).optional(),
  /** Digest password. Never logged. */
  password: z.string().min(1, 'must not be empty'),
  /** Name shown to the called party. */
  displayName: z.string().default(''),
  /** STUN/TURN servers; none by default (loopback and LAN need none). */
  iceServers: z.array(iceServer).default([]),
  /** Give up waiting for more ICE candidates after this long, so a blocked STUN server cannot hold the INVITE. */
  iceGatheringTimeoutMs: z.number().int().min(100).max(30_000).default(2000),
  /** How keypad digits are sent. */
  dtmf: z.enum(['rfc2833', 'info']).default('rfc2833'),
  /** Answer incoming calls by themselves after delayMs (headset agents in auto-answer queues). */
  autoAnswer: z
    .strictObject({ enabled: z.boolean().default(false), delayMs: z.number().int().min(0).max(60_000).default(0) })
    .prefault({}),
  /** REGISTER expiry in seconds. */
  registerExpires: z.number().int().min(60).max(3600).default(300),
  /** WebSocket reconnect backoff: random exponential between these bounds (seconds). */
  reconnectMinSeconds: z.number().min(0.5).max(60).default(1),
  reconnectMaxSeconds: z.number().min(1).max(300).default(4),
  /** Take a second call while on one (it rings softly and waits in the Calls list). */
  callWaiting: z.boolean().default(true),
  /**
   * Liveness watchdog: a SIP OPTIONS to the server every intervalSeconds; no answer within timeoutSeconds
   * means the WebSocket is dead even if the browser has not noticed, and the phone reconnects.
   */
  keepAlive: z
    .strictObject({
      intervalSeconds: z.number().min(1).max(300).default(5),
      timeoutSeconds: z.number().min(1).max(60).default(4),
    })
    .prefault({}),
});

export const uiPolicySchema = z
  .strictObject({
    /** Language of the user interface. */
    language: z.enum(languages).default('zh-CN'),
  })
  .prefault({});

/** Microphone processing. Headsets with their own echo cancelling may turn Chromium's off. */
export const audioPolicySchema = z
  .strictObject({
    echoCancellation: z.boolean().default(true),
    noiseSuppression: z.boolean().default(true),
    autoGainControl: z.boolean().default(true),
  })
  .prefault({});

/** A label IT writes once per UI language; a missing language falls back to another one given. */
export const localizedLabelSchema = z
  .strictObject({ 'zh-CN': z.string().min(1).optional(), 'zh-TW': z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((label) => Object.values(label).some(Boolean), 'needs a label in at least one language');
export type LocalizedLabel = z.infer<typeof localizedLabelSchema>;

const codeSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1–40 letters, digits, dot, dash or underscore');
const coded = z.strictObject({ code: codeSchema, label: localizedLabelSchema });
const uniqueCodes = (items: { code: string }[]) => new Set(items.map((i) => i.code)).size === items.length;

const defaultNotReadyReasons = [
  { code: 'break', label: { 'zh-CN': '小休', 'zh-TW': '小休', en: 'Break' } },
  { code: 'lunch', label: { 'zh-CN': '用餐', 'zh-TW': '用餐', en: 'Lunch' } },
  { code: 'training', label: { 'zh-CN': '培训', 'zh-TW': '培訓', en: 'Training' } },
  { code: 'meeting', label: { 'zh-CN': '会议', 'zh-TW': '會議', en: 'Meeting' } },
  { code: 'coaching', label: { 'zh-CN': '辅导', 'zh-TW': '輔導', en: 'Coaching' } },
];
const defaultWrapUpCodes = [
  { code: 'resolved', label: { 'zh-CN': '已解决', 'zh-TW': '已解決', en: 'Resolved' } },
  { code: 'follow-up', label: { 'zh-CN': '需跟进', 'zh-TW': '需跟進', en: 'Follow-up needed' } },
  { code: 'complaint', label: { 'zh-CN': '投诉', 'zh-TW': '投訴', en: 'Complaint' } },
  { code: 'transferred', label: { 'zh-CN': '已转接', 'zh-TW': '已轉接', en: 'Transferred' } },
];

export const agentPolicySchema = z
  .strictObject({
    /** Reason codes offered with Not ready. */
    notReadyReasons: z.array(coded).min(1).refine(uniqueCodes, 'codes must be unique').default(defaultNotReadyReasons),
    wrapUp: z
      .strictObject({
        /** After-call work after every call. */
        enabled: z.boolean().default(true),
        /** Wrap-up ends by itself after this long; 0 = no limit. */
        timeLimitSeconds: z.number().int().min(0).max(3600).default(60),
        /** The agent must pick a code before finishing. */
        codeRequired: z.boolean().default(false),
        /** At the time limit: Ready (true) or stay in wrap-up until the agent finishes (false). */
        autoReady: z.boolean().default(true),
        codes: z.array(coded).refine(uniqueCodes, 'codes must be unique').default(defaultWrapUpCodes),
      })
      .prefault({}),
  })
  .prefault({});

/** Keyboard shortcuts, Electron accelerator syntax (e.g. "Ctrl+Alt+A"). Global in Electron, in-window in a browser. */
const accelerator = z
  .string()
  .regex(/^((CommandOrControl|CmdOrCtrl|Ctrl|Control|Alt|Option|Shift|Super|Meta|Cmd|Command)\+)*[A-Za-z0-9]$|^((CommandOrControl|CmdOrCtrl|Ctrl|Control|Alt|Option|Shift|Super|Meta|Cmd|Command)\+)*F([1-9]|1[0-9]|2[0-4])$/, 'must be an accelerator such as Ctrl+Alt+A or F8');
export const shortcutsPolicySchema = z
  .strictObject({
    /** Register them system-wide in Electron (work while the CRM has focus). */
    global: z.boolean().default(true),
    answer: accelerator.default('Ctrl+Alt+A'),
    hangup: accelerator.default('Ctrl+Alt+H'),
    hold: accelerator.default('Ctrl+Alt+P'),
    mute: accelerator.default('Ctrl+Alt+M'),
    transfer: accelerator.default('Ctrl+Alt+X'),
    toggleReady: accelerator.default('Ctrl+Alt+R'),
  })
  .prefault({});
export type ShortcutsPolicy = z.infer<typeof shortcutsPolicySchema>;
export type ShortcutAction = Exclude<keyof ShortcutsPolicy, 'global'>;

/** Call-quality warning thresholds (defaults: Twilio's published ones). */
export const qualityPolicySchema = z
  .strictObject({
    sampleSeconds: z.number().min(1).max(30).default(2),
    warnMosBelow: z.number().min(1).max(4.5).default(3.5),
    warnLossPercentAbove: z.number().min(0).max(100).default(3),
    warnJitterMsAbove: z.number().min(0).max(1000).default(30),
    warnRttMsAbove: z.number().min(0).max(5000).default(400),
  })
  .prefault({});

/** An https:// URL, or http:// for a loopback host (a service on the agent's own machine). */
const serviceUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value.replace(/\{[A-Za-z]+\}/g, 'x'));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an https:// URL' });
    return;
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return;
  ctx.addIssue({ code: 'custom', message: 'must be an https:// URL (http:// is allowed only for loopback hosts)' });
});

const dotPath = z.string().max(200).regex(/^[A-Za-z0-9_$-]*(\.[A-Za-z0-9_$-]+|\[\d+\])*$/, 'must be a dot path such as customer.name or items[0].id');
const listMapping = <T extends Record<string, z.ZodType>>(fields: T) => z.strictObject({ path: dotPath, ...fields });

/**
 * Where each Lingxi profile field lives in the CRM's JSON (dot paths). The defaults are Lingxi's own
 * field names, so a CRM that answers in Lingxi's profile schema needs no mapping at all.
 */
export const crmMappingSchema = z
  .strictObject({
    /** The customer object, or an array of them (several matches → a chooser); "" = the whole document. */
    matches: dotPath.default(''),
    id: dotPath.default('id'),
    name: dotPath.default('name'),
    idNumber: dotPath.default('idNumber'),
    vipTier: dotPath.default('vipTier'),
    language: dotPath.default('language'),
    dialect: dotPath.default('dialect'),
    tags: dotPath.default('tags'),
    riskLevel: dotPath.default('riskLevel'),
    birthDate: dotPath.default('birthDate'),
    phones: dotPath.default('phones'),
    products: listMapping({ type: dotPath.default('type'), name: dotPath.default('name'), number: dotPath.default('number') }).prefault({ path: 'products' }),
    interactions: listMapping({ at: dotPath.default('at'), channel: dotPath.default('channel'), summary: dotPath.default('summary') }).prefault({ path: 'interactions' }),
    complaints: listMapping({ id: dotPath.default('id'), title: dotPath.default('title'), status: dotPath.default('status'), openedAt: dotPath.default('openedAt') }).prefault({ path: 'complaints' }),
  })
  .prefault({});
export type CrmMapping = z.infer<typeof crmMappingSchema>;

/** The CRM that screen pop asks for the caller's profile. Without profileUrl screen pop shows CTI data only. */
export const crmPolicySchema = z
  .strictObject({
    /** URL template with {customerId} and {phone} (URL-encoded when filled). */
    profileUrl: serviceUrl.optional(),
    /** Static request headers (no secrets here: the token lives in the host's secret storage). */
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'must be a header name'), z.string()).default({}),
    /** Header that carries the stored CRM token, and what precedes the token in it. */
    tokenHeader: z.string().regex(/^[A-Za-z0-9-]+$/, 'must be a header name').default('Authorization'),
    tokenPrefix: z.string().default('Bearer '),
    timeoutMs: z.number().int().min(100).max(30_000).default(1500),
    /** How long a cached profile may be shown (always refreshed in the background); older ones are deleted. */
    cacheTtlMinutes: z.number().min(0).max(60 * 24 * 30).default(1440),
    /** From this age on the card shows the elderly-customer cue. */
    elderlyAge: z.number().int().min(40).max(120).default(65),
    mapping: crmMappingSchema,
  })
  .prefault({});

/** A host name (no scheme, port or path), e.g. kb-images.bank.example. */
const hostName = z.string().regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, 'must be a host name such as kb.bank.example');

/** The knowledge base (features/knowledge). Without packagePath the sample knowledge base ships in. */
export const knowledgePolicySchema = z
  .strictObject({
    /** A knowledge package file IT ships with the build; relative paths are relative to the policy file. */
    packagePath: z.string().min(1).max(4096).optional(),
    /** Delta sync server (GET ?since=<cursor>, ETag); none = no sync. */
    syncUrl: serviceUrl.optional(),
    /** Sync every this many minutes (and at start). */
    syncMinutes: z.number().min(1).max(24 * 60).default(30),
    /** Hosts whose https images may show in article bodies; none by default. */
    remoteContentHosts: z.array(hostName).max(100).default([]),
  })
  .prefault({});

/** Every key IT can name in `locked` (keys the agent may not change in settings). */
export const lockableKeys = ['ui.language'] as const;
export type LockableKey = (typeof lockableKeys)[number];

export const policySchema = z.strictObject({
  /** Format version of this document. */
  version: z.literal(1).default(1),
  sip: sipPolicySchema,
  ui: uiPolicySchema,
  audio: audioPolicySchema,
  agent: agentPolicySchema,
  shortcuts: shortcutsPolicySchema,
  quality: qualityPolicySchema,
  crm: crmPolicySchema,
  knowledge: knowledgePolicySchema,
  /** Keys the agent may not change; the policy's value wins over the agent's settings. */
  locked: z.array(z.enum(lockableKeys)).default([]),
});

export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** One problem found in a policy, with the path IT needs to fix it. */
export interface PolicyProblem {
  path: string;
  message: string;
}

export type PolicyLoadResult =
  | { ok: true; policy: Policy; source: string }
  | {
      ok: false;
      problems: PolicyProblem[];
      source: string;
      /** ui.language read from the rejected document when it is usable, so the report speaks IT's language. */
      language?: Language;
    };

/** Formats a zod path like sip.servers[0]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function toProblems(error: z.ZodError): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: formatPath([...issue.path, key]), message: 'unknown key' });
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}

/**
 * Validates a policy document as a whole: either every value applies or none does.
 * @param raw JSON text or an already parsed value
 * @param source where it came from (a path or URL), for the error report
 */
export function parsePolicy(raw: unknown, source: string): PolicyLoadResult {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return { ok: false, source, problems: [{ path: '(root)', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const result = policySchema.safeParse(value);
  if (!result.success) {
    const language = uiPolicySchema.safeParse((value as { ui?: unknown } | null)?.ui).data?.language;
    return { ok: false, source, problems: toProblems(result.error), ...(language ? { language } : {}) };
  }
  const policy = result.data;
  if (policy.sip.reconnectMaxSeconds < policy.sip.reconnectMinSeconds) {
    return {
      ok: false,
      source,
      problems: [{ path: 'sip.reconnectMaxSeconds', message: 'must not be less than sip.reconnectMinSeconds' }],
    };
  }
  return { ok: true, source, policy };
}
