/**
 * Policy section for the assist pane's text analysis (renderer/features/assist/analysis): keyword rules,
 * PCI guard, compliance checklist matching, agent pace, customer sentiment and the post-call summary.
 * Pure zod. Every number has a default chosen and explained in the README; IT overrides only what it needs.
 */
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits, dot, colon, dash or underscore');
const phrase = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const phrases = z.array(phrase).min(1, 'needs at least one phrase').max(500);

/** A label per UI language; English is required so every language has a fallback. */
export const assistLabelSchema = z.strictObject({
  en: z.string().min(1),
  'zh-CN': z.string().min(1).optional(),
  'zh-TW': z.string().min(1).optional(),
});

/** Which leg a rule listens to. */
export const ruleLegSchema = z.enum(['customer', 'agent', 'both']);

/**
 * A keyword rule. Phrases are matched folded (case, full/half width, Traditional → Simplified), English on
 * word boundaries with simple inflections, Chinese as substrings. A rule fires at most once per utterance.
 */
export const keywordRuleSchema = z.strictObject({
  id,
  leg: ruleLegSchema,
  /** alert: raised to the agent and to supervision; warning: a quiet hint to the agent. */
  kind: z.enum(['alert', 'warning']),
  phrases,
  label: assistLabelSchema,
  /** Ignore a phrase under a negation ("not a complaint", 不是投诉). */
  negation: z.boolean().default(true),
});
export type KeywordRule = z.infer<typeof keywordRuleSchema>;

/** Default rules: sensitive words from the customer, forbidden phrases from the agent. */
export const DEFAULT_KEYWORD_RULES: KeywordRule[] = [
  {
    id: 'customer-sensitive',
    leg: 'customer',
    kind: 'alert',
    negation: true,
    label: { en: 'Complaint or escalation risk', 'zh-CN': '投诉或升级风险', 'zh-TW': '客訴或升級風險' },
    phrases: [
      'complaint', 'complain', 'regulator', 'ombudsman', 'lawyer', 'attorney', 'solicitor', 'sue', 'legal action',
      'court', 'media', 'journalist', 'newspaper', 'consumer protection', 'report you',
      '投诉', '客诉', '申诉', '举报', '银保监', '银监会', '金融监管', '监管局', '监管部门', '12378', '12363',
      '消协', '消费者协会', '曝光', '媒体', '记者', '电视台', '律师', '起诉', '法院', '打官司', '诉讼',
      '金管会', '评议中心',
    ],
  },
  {
    id: 'agent-forbidden',
    leg: 'agent',
    kind: 'warning',
    // "Don't worry, calm down" is still "calm down": agent phrases are matched under negation too.
    negation: false,
    label: { en: 'Avoid this phrase', 'zh-CN': '请避免该说法', 'zh-TW': '請避免此說法' },
    phrases: [
      'calm down', "that's not my problem", 'not my problem', 'not my job', 'your problem', 'your fault',
      'nothing I can do', 'I have no idea', 'as I already told you', 'you should have',
      '不归我管', '不关我的事', '你自己看', '你自己去查', '没办法', '你听不懂吗', '我已经说过了', '跟你说过了',
      '你冷静一点', '你别激动', '爱办不办', '随便你', '找别人去',
    ],
  },
];

/** A wrap-up keyword: when a phrase is heard on the leg, suggest the code (first matching entry wins). */
export const wrapUpKeywordSchema = z.strictObject({
  /** A code from agent.wrapUp.codes; an entry naming a code the policy does not offer is skipped. */
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be a wrap-up code (1–40 letters, digits, dot, dash or underscore)'),
  leg: ruleLegSchema.default('both'),
  phrases,
});

const defaultWrapUpKeywords: z.output<typeof wrapUpKeywordSchema>[] = [
  {
    code: 'complaint',
    leg: 'both',
    phrases: ['complaint', 'complain', 'ombudsman', 'regulator', '投诉', '客诉', '申诉', '银保监', '12378', '金管会'],
  },
  {
    code: 'transferred',
    leg: 'agent',
    phrases: ['transfer you', 'put you through', 'connect you to', '转接', '转给', '帮您转', '为您转'],
  },
  {
    code: 'follow-up',
    leg: 'agent',
    phrases: ['call you back', 'get back to you', 'follow up', '回电', '回复您', '跟进', '回访', '稍后联系您'],
  },
];

export const assistPolicySchema = z
  .strictObject({
    keywords: z
      .strictObject({
        rules: z.array(keywordRuleSchema).max(200).refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique').default(DEFAULT_KEYWORD_RULES),
      })
      .prefault({}),
    pci: z
      .strictObject({
        /** A run of this many spoken or written digits counts as card data (pause recording, mask text). */
        minDigits: z.number().int().min(2).max(19).default(3),
        /** Resume recording once the customer has said no digit for this long. */
        resumeAfterMs: z.number().int().min(500).max(60_000).default(3000),
        /** After one of these, even the first digit pauses the recording and is masked. */
        triggerPhrases: z
          .array(phrase)
          .max(200)
          .default([
            'card number', 'account number', 'security code', 'cvv', 'cvc', 'expiry date', 'expiration date', 'expiry', 'pin number',
            '卡号', '账号', '帐号', '安全码', '有效期', '密码', '验证码',
          ]),
        /** Also watch the agent's leg (an agent reading a number back). */
        watchAgent: z.boolean().default(false),
        /** What replaces a masked digit run; the same whatever the run's length, so the length does not leak. */
        maskText: z.string().min(1).max(40).default('[••••]'),
      })
      .prefault({}),
    checklist: z
      .strictObject({
        /** Share of a step phrase's content words (English) or characters (Chinese) the agent must say. */
        threshold: z.number().min(0.3).max(1).default(0.75),
      })
      .prefault({}),
    pace: z
      .strictObject({
        /** Agent pace is measured over the agent's final utterances in this sliding window. */
        windowMs: z.number().int().min(10_000).max(600_000).default(60_000),
        /** No pace figure (and no cue) before the agent has spoken this long in the window. */
        minSpeechMs: z.number().int().min(1000).max(120_000).default(8000),
        maxWpm: z.number().min(60).max(400).default(160),
        maxCpm: z.number().min(60).max(600).default(220),
        elderlyMaxWpm: z.number().min(60).max(400).default(130),
        elderlyMaxCpm: z.number().min(60).max(600).default(180),
        /** Dead air: no speech from either leg for this long. */
        silenceMs: z.number().int().min(2000).max(600_000).default(10_000),
        /** Talk-over: customer and agent utterances overlapping at least this long. */
        talkOverMs: z.number().int().min(200).max(10_000).default(1000),
      })
      .prefault({}),
    sentiment: z
      .strictObject({
        /** Weight of the newest customer utterance in the moving average (0–1). */
        smoothing: z.number().min(0.05).max(1).default(0.4),
        /** Frustration is flagged when the average falls to this score (−1 … 1) and is still falling. */
        frustratedBelow: z.number().min(-1).max(0).default(-0.3),
        /** … and cleared when it recovers above this. */
        recoveredAbove: z.number().min(-1).max(1).default(-0.1),
      })
      .prefault({}),
    summary: z
      .strictObject({
        maxFacts: z.number().int().min(0).max(50).default(6),
        maxActions: z.number().int().min(0).max(50).default(5),
        wrapUpKeywords: z.array(wrapUpKeywordSchema).max(100).default(defaultWrapUpKeywords),
        /** Suggested when no wrap-up keyword was heard. */
        defaultWrapUpCode: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).default('resolved'),
      })
      .prefault({}),
  })
  .refine((a) => a.pace.elderlyMaxWpm <= a.pace.maxWpm && a.pace.elderlyMaxCpm <= a.pace.maxCpm, {
    message: 'elderly pace limits must not exceed the general ones',
    path: ['pace'],
  })
  .refine((a) => a.sentiment.recoveredAbove > a.sentiment.frustratedBelow, {
    message: 'recoveredAbove must be greater than frustratedBelow',
    path: ['sentiment'],
  })
  .prefault({});

export type AssistPolicy = z.infer<typeof assistPolicySchema>;
export type PciPolicy = AssistPolicy['pci'];
export type PacePolicy = AssistPolicy['pace'];
export type SentimentPolicy = AssistPolicy['sentiment'];
export type SummaryPolicy = AssistPolicy['summary'];
export type WrapUpKeyword = z.infer<typeof wrapUpKeywordSchema>;
