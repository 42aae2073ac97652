/**
 * The policy file: one JSON document that IT ships with the build and may lock.
 * Pure zod + TypeScript (no electron import): main, preload, the browser host and the renderer all use it.
 */
import { z } from 'zod';
import { readJson } from '../json';
import { formatPath, issuePlaces } from '../zod-issues';
import { webSocketUrl } from './policy-urls';
import { agentPolicySchema, qualityPolicySchema, shortcutsPolicySchema } from './policy-agent';
import { crmPolicySchema, knowledgePolicySchema } from './policy-services';
import { ctiPolicySchema } from './policy-cti';
import { assistPolicySchema } from './policy-assist';
import { transcriptionPolicySchema } from './policy-transcription';
import { recordingPolicySchema } from './policy-recording';
import { supervisionPolicySchema } from './policy-supervision';
import { updatesPolicySchema } from './policy-updates';
import { logsPolicySchema } from './policy-logs';
import { dialPolicySchema } from './policy-dial';
import { callbacksPolicySchema } from './policy-callbacks';
import { windowPolicyFields } from './policy-window';

export * from './policy-agent';
export * from './policy-services';
export * from './policy-cti';
export * from './policy-recording';
export * from './policy-assist';
export * from './policy-transcription';
export * from './policy-supervision';

const sipServerUrl = webSocketUrl;

const sipUri = z
  .string()
  .regex(/^sips?:[^@\s]+@[^@\s]+$/, 'must be a SIP URI such as sip:1001@pbx.bank.example');

const sipUriTemplate = z
  .string()
  .regex(/^sips?:[^@\s]*\{agentId\}[^@\s]*@[^@\s{}]+$/, 'must be a SIP URI with {agentId} in the user part, such as sip:{agentId}@pbx.bank.example');

const iceServer = z.strictObject({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

export const languages = ['zh-CN', 'zh-TW', 'en'] as const;
export type Language = (typeof languages)[number];
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];
export const densities = ['comfortable', 'compact'] as const;
export type Density = (typeof densities)[number];

export const sipPolicySchema = z.strictObject({
  /** WebSocket servers, tried in order. */
  servers: z.array(sipServerUrl).min(1, 'must list at least one server'),
  /**
   * The agent's address of record, for a desktop with one fixed agent (with `password`). A machine policy
   * for many agents names `uriTemplate` instead and each agent signs in.
   */
  uri: sipUri.optional(),
  /** `sip:{agentId}@pbx.bank.example`: the agent signs in with agent ID and password (sign-in.ts). */
  uriTemplate: sipUriTemplate.optional(),
  /** Digest user name when it differs from the URI's user part; `{agentId}` is replaced after sign-in. */
  authorizationUser: z.string().min(1).optional(),
  /** Digest password of the fixed `uri`. Never logged; never in a machine policy (use `uriTemplate`). */
  password: z.string().min(1, 'must not be empty').optional(),
  /** Keep the signed-in agent's password in the OS secret store (Electron) so the next start signs in by itself. */
  rememberPassword: z.boolean().default(false),
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
    /** Colours: the system's light or dark setting, or always light or dark (the agent may change it). */
    theme: z.enum(themes).default('system'),
    /** Spacing: comfortable, or compact to fit more of a call on a small screen (the agent may change it). */
    density: z.enum(densities).default('comfortable'),
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

/**
 * Every key IT can name in `locked`: each setting the agent can change in the UI. A locked key ignores the
 * agent's stored value; `ui.language` then takes the policy's value, a locked `devices.<role>` the system
 * default device (IT sets the OS default).
 */
export const lockableKeys = ['ui.language', 'devices.microphone', 'devices.speaker', 'devices.ringer'] as const;
export type LockableKey = (typeof lockableKeys)[number];

/** Fields only a machine policy gives meaning to (main/features/policy/README.md). */
const machinePolicyFields = {
  /** In a machine policy: `--policy`, LINGXI_POLICY and `<userData>/policy.json` still apply over it (pilots, development). */
  allowUserPolicy: z.boolean().default(false),
  /** Base64 Ed25519 signature over the canonical document without this field (policy-canonical.ts). */
  policySignature: z.string().min(1).optional(),
};

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
  cti: ctiPolicySchema,
  knowledge: knowledgePolicySchema,
  recording: recordingPolicySchema,
  assist: assistPolicySchema,
  transcription: transcriptionPolicySchema,
  supervision: supervisionPolicySchema,
  updates: updatesPolicySchema,
  logs: logsPolicySchema,
  dial: dialPolicySchema,
  callbacks: callbacksPolicySchema,
  ...windowPolicyFields,
  /** Keys the agent may not change; the policy's value wins over the agent's settings. */
  locked: z.array(z.enum(lockableKeys)).default([]),
  ...machinePolicyFields,
});

export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** One problem found in a policy, with the path IT needs to fix it. */
export interface PolicyProblem {
  path: string;
  message: string;
}

/** One place a policy was looked for and found, and whether it counted. */
export interface PolicySource {
  /** machine: registry, managed preferences, the system file; user: --policy, LINGXI_POLICY, userData; web-host: the file the browser host serves. */
  kind: 'machine' | 'user' | 'web-host';
  /** A path, or the registry key. */
  location: string;
  applied: boolean;
  /** Why it did not apply (or what else to know), for the log and policy:check. */
  note?: string;
}

export type PolicyLoadResult =
  | {
      ok: true;
      policy: Policy;
      source: string;
      /** Every source found, applied or not (absent from parsePolicy alone). */
      sources?: PolicySource[];
      /**
       * Hex SHA-256 of the effective policy document in canonical form (policy-canonical.ts: before defaults,
       * without policySignature), set by the hosts. Logged at start, sent with the REGISTER, and each
       * recording upload carries it, so the server can tell which policy a desk runs.
       */
      sha256?: string;
    }
  | {
      ok: false;
      problems: PolicyProblem[];
      source: string;
      sources?: PolicySource[];
      /** ui.language read from the rejected document when it is usable, so the report speaks IT's language. */
      language?: Language;
    };

function toProblems(error: z.ZodError): PolicyProblem[] {
  return error.issues.flatMap((issue) => issuePlaces(issue).map(({ path, message }) => ({ path: formatPath(path), message })));
}

/**
 * Validates a policy document as a whole: either every value applies or none does.
 * @param raw JSON text or an already parsed value
 * @param source where it came from (a path or URL), for the error report
 */
export function parsePolicy(raw: unknown, source: string): PolicyLoadResult {
  let value = raw;
  if (typeof raw === 'string') {
    const json = readJson(raw);
    if (!json.ok) return { ok: false, source, problems: [{ path: '(root)', message: json.error }] };
    value = json.value;
  }
  const result = policySchema.safeParse(value);
  if (!result.success) {
    const language = uiPolicySchema.safeParse((value as { ui?: unknown } | null)?.ui).data?.language;
    return { ok: false, source, problems: toProblems(result.error), ...(language ? { language } : {}) };
  }
  const policy = result.data;
  const problem = sipProblem(policy.sip);
  if (problem) return { ok: false, source, problems: [problem], language: policy.ui.language };
  return { ok: true, source, policy };
}

/** What the schema alone cannot say about the sip section: who the agent is, and the backoff bounds. */
function sipProblem(sip: Policy['sip']): PolicyProblem | null {
  if (sip.reconnectMaxSeconds < sip.reconnectMinSeconds) {
    return { path: 'sip.reconnectMaxSeconds', message: 'must not be less than sip.reconnectMinSeconds' };
  }
  if (sip.uri && sip.uriTemplate) return { path: 'sip.uriTemplate', message: 'use either sip.uri (one fixed agent) or sip.uriTemplate (agents sign in), not both' };
  if (!sip.uri && !sip.uriTemplate) {
    return { path: 'sip.uriTemplate', message: 'name the agent: sip.uriTemplate such as "sip:{agentId}@pbx.bank.example" (agents sign in), or sip.uri with sip.password (one fixed agent)' };
  }
  if (sip.uri && !sip.password) return { path: 'sip.password', message: 'is required with sip.uri (or use sip.uriTemplate so each agent signs in with their own password)' };
  if (sip.uriTemplate && sip.password) return { path: 'sip.password', message: 'must not be set with sip.uriTemplate: each agent signs in with their own password' };
  return null;
}
