import { describe, expect, it } from 'vitest';
import { assistPolicySchema, DEFAULT_KEYWORD_RULES } from '@common/contract/policy-assist';

describe('assistPolicySchema', () => {
  it('fills every default from nothing', () => {
    const policy = assistPolicySchema.parse(undefined);
    expect(policy.keywords.rules.map((r) => r.id)).toEqual(['customer-sensitive', 'agent-forbidden']);
    expect(policy.pci).toMatchObject({ minDigits: 3, resumeAfterMs: 3000, watchAgent: false, maskText: '[••••]' });
    expect(policy.checklist.threshold).toBe(0.75);
    expect(policy.pace).toMatchObject({ maxWpm: 160, maxCpm: 220, elderlyMaxWpm: 130, elderlyMaxCpm: 180, silenceMs: 10_000, talkOverMs: 1000 });
    expect(policy.sentiment).toEqual({ smoothing: 0.4, frustratedBelow: -0.3, recoveredAbove: -0.1 });
    expect(policy.summary.wrapUpKeywords.map((k) => k.code)).toEqual(['complaint', 'transferred', 'follow-up']);
    expect(policy.summary.defaultWrapUpCode).toBe('resolved');
  });

  it('default rules name the sensitive words and forbidden phrases of the issue', () => {
    const [customer, agent] = DEFAULT_KEYWORD_RULES;
    expect(customer?.phrases).toEqual(expect.arrayContaining(['complaint', 'regulator', '投诉', '银保监', '曝光', '12378', '律师']));
    expect(agent?.phrases).toEqual(expect.arrayContaining(['calm down', "that's not my problem", '不归我管', '你自己看', '没办法']));
  });

  it('takes IT’s own rules, with negation on by default', () => {
    const policy = assistPolicySchema.parse({
      keywords: { rules: [{ id: 'fraud', leg: 'both', kind: 'alert', phrases: ['safe account'], label: { en: 'Scam', 'zh-TW': '詐騙' } }] },
    });
    expect(policy.keywords.rules).toEqual([
      { id: 'fraud', leg: 'both', kind: 'alert', phrases: ['safe account'], label: { en: 'Scam', 'zh-TW': '詐騙' }, negation: true },
    ]);
  });

  it('says what is wrong and where', () => {
    const issues = (value: unknown) =>
      (assistPolicySchema.safeParse(value).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    const rule = { id: 'a', leg: 'customer', kind: 'alert', phrases: ['x'], label: { en: 'A' } };
    expect(issues({ keywords: { rules: [rule, rule] } })).toEqual(['keywords.rules: rule ids must be unique']);
    expect(issues({ keywords: { rules: [{ ...rule, phrases: [] }] } })).toEqual(['keywords.rules.0.phrases: needs at least one phrase']);
    expect(issues({ keywords: { rules: [{ ...rule, label: { 'zh-CN': '甲' } }] } })[0]).toMatch(/^keywords\.rules\.0\.label\.en: /);
    expect(issues({ pace: { elderlyMaxWpm: 200 } })).toEqual(['pace: elderly pace limits must not exceed the general ones']);
    expect(issues({ sentiment: { frustratedBelow: -0.2, recoveredAbove: -0.5 } })).toEqual(['sentiment: recoveredAbove must be greater than frustratedBelow']);
    expect(issues({ pci: { minDigits: 1 } })[0]).toMatch(/^pci\.minDigits: /);
    expect(issues({ pci: { unknown: true } })[0]).toMatch(/^pci: /);
  });
});
