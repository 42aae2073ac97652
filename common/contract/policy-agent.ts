/** Policy sections for the agent's desk: Not-ready reasons and wrap-up, keyboard shortcuts, call-quality thresholds. */
import { z } from 'zod';

/** A label IT writes once per UI language; a missing language falls back to another one given. */
export const localizedLabelSchema = z
  .strictObject({ 'zh-CN': z.string().min(1).optional(), 'zh-TW': z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((label) => Object.values(label).some(Boolean), 'needs a label in at least one language');
export type LocalizedLabel = z.infer<typeof localizedLabelSchema>;

const codeSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be 1–40 letters, digits, dot, dash or underscore');
/** A policy code with its label per language (reasons, wrap-up codes, callback reasons). */
export const coded = z.strictObject({ code: codeSchema, label: localizedLabelSchema });
/** Refinement: no code twice in one list. */
export const uniqueCodes = (items: { code: string }[]) => new Set(items.map((i) => i.code)).size === items.length;

const defaultNotReadyReasons = [
  { code: 'break', label: { 'zh-CN': '小休', 'zh-TW': '小休', en: 'Break' } },
  { code: 'lunch', label: { 'zh-CN': '用餐', 'zh-TW': '用餐', en: 'Lunch' } },
  { code: 'training', label: { 'zh-CN': '培训', 'zh-TW': '培訓', en: 'Training' } },
  { code: 'meeting', label: { 'zh-CN': '会议', 'zh-TW': '會議', en: 'Meeting' } },
  { code: 'coaching', label: { 'zh-CN': '辅导', 'zh-TW': '輔導', en: 'Coaching' } },
];
const defaultWrapUpCodes = [
  { code: 'resolved', label: { 'zh-CN': '已解决', 'zh-TW': '已解決', en: 'Resolved' } },
  { code: 'follow-up', label: { 'zh-CN': '需跟进', 'zh-TW': '需跟進', en: 'Follow-up needed' }, followUp: true },
  { code: 'complaint', label: { 'zh-CN': '投诉', 'zh-TW': '投訴', en: 'Complaint' } },
  { code: 'transferred', label: { 'zh-CN': '已转接', 'zh-TW': '已轉接', en: 'Transferred' } },
];

/**
 * A wrap-up code; `followUp: true` means the call needs a follow-up: the wrap-up form then offers "Schedule
 * callback" prominently and asks once before finishing without a callback.
 */
const wrapUpCode = coded.extend({ followUp: z.boolean().optional() });

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
        codes: z.array(wrapUpCode).refine(uniqueCodes, 'codes must be unique').default(defaultWrapUpCodes),
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
    /** Pause or resume the call's recording (a customer about to read out card details). */
    toggleRecording: accelerator.default('Ctrl+Alt+S'),
    /** Raise or lower the hand for the team lead (issue 20: the lead's board row lights up). */
    askForHelp: accelerator.default('Ctrl+Alt+Q'),
    /** Open the Callback dialog for the call in progress or in wrap-up (issue 27: "Schedule callback"). */
    scheduleCallback: accelerator.default('Ctrl+Alt+B'),
    /** Dial the number on the clipboard (select a number anywhere, copy, press): opens the Dial dialog (issue 23). */
    dial: accelerator.default('Ctrl+Alt+D'),
    /** Export diagnostics (issue 23): the zip IT asks for; also in the Help menu and the header. */
    exportDiagnostics: accelerator.default('Ctrl+Alt+Shift+D'),
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
