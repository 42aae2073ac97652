import { describe, expect, it } from 'vitest';
import { agentPolicySchema } from '@common/contract/policy-agent';
import { summarizeCall, type OfferedCode, type SummaryInput } from '@renderer/features/assist/analysis/summary';
import { renderSummary } from '@renderer/features/assist/analysis/summary-text';
import { defaultPolicy, final, partial } from './fixtures';

const codes: OfferedCode[] = [
  { code: 'resolved', label: { 'zh-CN': '已解决', 'zh-TW': '已解決', en: 'Resolved' } },
  { code: 'follow-up', label: { 'zh-CN': '需跟进', en: 'Follow-up needed' } },
  { code: 'complaint', label: { 'zh-CN': '投诉', 'zh-TW': '投訴', en: 'Complaint' } },
  { code: 'transferred', label: { en: 'Transferred' } },
];
const lostCard = { id: 'lost-card.en', title: 'How do I report a lost or stolen credit card?' };
const balance = { id: 'balance-enquiry.en', title: 'How can I check my account balance?' };
const policy = defaultPolicy();

const englishCall: SummaryInput = {
  transcript: [
    final('agent', 'Thank you for calling, how can I help?', 0, 2000),
    final('customer', 'I lost my credit card at the train station yesterday.', 2500, 6000),
    partial('customer', 'my card number is', 6500, 7000),
    final('customer', 'My card number is 4532 1234 5678 9012.', 6500, 9000),
    final('customer', 'Also what is my balance?', 9500, 11_000),
    final('agent', "I'll block your card right now. You will receive a new card within 5 working days.", 11_500, 16_000),
    final('customer', 'There was a charge of 300 dollars I did not make.', 16_500, 19_000),
    final('agent', 'Let me check that for you.', 19_500, 20_500),
  ],
  suggestions: [
    { atMs: 0, source: 'ivr', articles: [balance] },
    { atMs: 6000, source: 'customer', articles: [lostCard, balance] },
    { atMs: 9000, source: 'customer', articles: [lostCard] },
    { atMs: 11_000, source: 'customer', articles: [balance, lostCard] },
  ],
  checklist: [
    { id: 'verify-identity', label: 'Verify the customer’s identity', tick: null },
    { id: 'block-card', label: 'Block the card', tick: { itemId: 'block-card', phrase: 'block your card', score: 1, startMs: 11_500, endMs: 16_000 } },
  ],
  offeredCodes: codes,
};

describe('summarizeCall', () => {
  it('names the intent most suggested over the call, weighted towards customer finals and top ranks', () => {
    const summary = summarizeCall(englishCall, policy);
    expect(summary.intent?.articleId).toBe('lost-card.en');
    // lost card: 1 + 1 + 0.5 = 2.5; balance: 0.5 (IVR) + 0.5 + 1 = 2.
    expect(summary.intent?.share).toBeCloseTo(2.5 / 4.5);
  });

  it('keeps amounts, dates and card mentions as key facts, with card numbers masked', () => {
    const facts = summarizeCall(englishCall, policy).facts.map((f) => f.text);
    expect(facts).toContain('I lost my credit card at the train station yesterday.');
    expect(facts).toContain('There was a charge of 300 dollars I did not make.');
    expect(facts.join(' ')).not.toMatch(/4532|9012/);
    expect(facts).toContain('My card number is [••••].');
    expect(facts).not.toContain('Also what is my balance?');
  });

  it('lists what the agent promised, not rituals or holding lines', () => {
    expect(summarizeCall(englishCall, policy).actions.map((a) => a.text)).toEqual([
      "I'll block your card right now.",
      'You will receive a new card within 5 working days.',
    ]);
  });

  it('reports the checklist outcome and suggests "resolved" when nothing else was heard', () => {
    const summary = summarizeCall(englishCall, policy);
    expect(summary.checklist).toEqual({ done: ['Block the card'], missed: ['Verify the customer’s identity'] });
    expect(summary.wrapUp).toMatchObject({ code: 'resolved', heard: null });
  });

  it('suggests the wrap-up code of the first keyword heard, skipping negated mentions and codes not offered', () => {
    const call = (lines: string[], extra: Partial<SummaryInput> = {}) =>
      summarizeCall({ ...englishCall, transcript: lines.map((l, i) => final(i % 2 ? 'agent' : 'customer', l, i * 1000, i * 1000 + 900)), ...extra }, policy).wrapUp;
    expect(call(['我要投訴你們', '好的，我记录一下'])).toMatchObject({ code: 'complaint', heard: '投诉' });
    expect(call(['this is not a complaint', 'I will transfer you to the cards team'])).toMatchObject({ code: 'transferred', heard: 'transfer you' });
    expect(call(['ok', '我们会跟进并回电给您'])).toMatchObject({ code: 'follow-up' });
    expect(call(['ok', 'I will transfer you'], { offeredCodes: codes.filter((c) => c.code !== 'transferred') })).toMatchObject({ code: 'resolved' });
    expect(call(['ok', 'thanks'], { transferred: true })).toMatchObject({ code: 'transferred' });
    expect(call(['ok', 'thanks'], { offeredCodes: [] })).toBeNull();
  });

  it('takes the wrap-up codes straight from the agent policy section', () => {
    const offeredCodes: OfferedCode[] = agentPolicySchema.parse(undefined).wrapUp.codes;
    const summary = summarizeCall({ transcript: [final('agent', '我帮您转接到信用卡专席', 0, 2000)], suggestions: [], offeredCodes }, policy);
    expect(summary.wrapUp).toMatchObject({ code: 'transferred', heard: '帮您转' });
    expect(renderSummary(summary, 'zh-TW')).toContain('建議結案代碼：已轉接');
  });

  it('summarises a Chinese call the same way', () => {
    const summary = summarizeCall(
      {
        transcript: [
          final('customer', '我昨天在地铁站把信用卡弄丢了。', 0, 3000),
          final('customer', '卡号是六二二二八四八八一二三四。', 3000, 6000),
          final('agent', '好的，我马上为您办理挂失。新卡会在五到七个工作日寄到。', 6000, 10_000),
          final('agent', '很高兴为您服务。', 10_000, 11_000),
        ],
        suggestions: [{ atMs: 3000, source: 'customer', articles: [{ id: 'lost-card.zh-CN', title: '信用卡丢失或被盗了怎么挂失？' }] }],
        offeredCodes: codes,
      },
      policy,
    );
    expect(summary.intent?.title).toBe('信用卡丢失或被盗了怎么挂失？');
    expect(summary.facts.map((f) => f.text)).toEqual(['我昨天在地铁站把信用卡弄丢了。', '卡号是[••••]。']);
    expect(summary.actions.map((a) => a.text)).toEqual(['好的，我马上为您办理挂失。', '新卡会在五到七个工作日寄到。']);
  });

  it('honours maxFacts and maxActions, keeping the most telling facts in call order', () => {
    const tight = defaultPolicy({ summary: { maxFacts: 1, maxActions: 0 } });
    const summary = summarizeCall(englishCall, tight);
    expect(summary.facts.map((f) => f.text)).toEqual(['I lost my credit card at the train station yesterday.']);
    expect(summary.actions).toEqual([]);
  });
});

describe('renderSummary', () => {
  it('renders plain text in English', () => {
    expect(renderSummary(summarizeCall(englishCall, policy), 'en')).toBe(
      [
        'Intent: How do I report a lost or stolen credit card?',
        'Key facts:',
        '- Customer: I lost my credit card at the train station yesterday.',
        '- Customer: My card number is [••••].',
        '- Customer: There was a charge of 300 dollars I did not make.',
        'Actions promised:',
        "- Agent: I'll block your card right now.",
        '- Agent: You will receive a new card within 5 working days.',
        '1 of 2 steps done; not done: Verify the customer’s identity',
        'Suggested wrap-up code: Resolved',
      ].join('\n'),
    );
  });

  it('renders headings and code labels in Simplified and Traditional Chinese, with fallbacks', () => {
    const summary = summarizeCall({ ...englishCall, transcript: [], suggestions: [], checklist: [] }, policy);
    expect(renderSummary(summary, 'zh-CN')).toBe('来电意图：无\n关键信息：无\n承诺事项：无\n建议小结代码：已解决');
    expect(renderSummary(summary, 'zh-TW')).toBe('來電意圖：無\n關鍵資訊：無\n承諾事項：無\n建議結案代碼：已解決');
    const followUp = { ...summary, wrapUp: { code: 'follow-up', label: { 'zh-CN': '需跟进', en: 'Follow-up needed' }, heard: null } };
    expect(renderSummary(followUp, 'zh-TW')).toContain('建議結案代碼：需跟进');
  });
});
