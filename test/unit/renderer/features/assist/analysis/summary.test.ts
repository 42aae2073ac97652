import { describe, expect, it } from 'vitest';
import { agentPolicySchema } from '@common/contract/policy-agent';
import { pickIntent, summarizeCall, type OfferedCode, type SuggestionSnapshot, type SummaryInput } from '@renderer/features/assist/analysis/summary';
import { codeLabel, renderSummary } from '@renderer/features/assist/analysis/summary-text';
import { defaultPolicy, final, partial } from './fixtures';

const codes: OfferedCode[] = [
  { code: 'resolved', label: { 'zh-CN': '已解决', 'zh-TW': '已解決', en: 'Resolved' } },
  { code: 'follow-up', label: { 'zh-CN': '需跟进', en: 'Follow-up needed' } },
  { code: 'complaint', label: { 'zh-CN': '投诉', 'zh-TW': '投訴', en: 'Complaint' } },
  { code: 'transferred', label: { en: 'Transferred' } },
];
const lostCard = { id: 'lost-card.en', title: 'How do I report a lost or stolen credit card?' };
const balance = { id: 'balance-enquiry.en', title: 'How can I check my account balance?' };
const instalment = { id: 'purchase-instalment.en', title: 'Can I split a purchase into instalments, and what does it cost?' };
const limit = { id: 'limit-increase.en', title: 'How do I get a higher credit limit?' };
const policy = defaultPolicy();
const snapshot = (query: string, articles: SuggestionSnapshot['articles']): SuggestionSnapshot => ({ atMs: 0, source: 'customer', query, articles });

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
    { atMs: 0, source: 'ivr', query: 'lost card', articles: [{ ...lostCard, score: 0.8 }] },
    { atMs: 6000, source: 'customer', query: 'I lost my credit card at the train station yesterday.', articles: [{ ...lostCard, score: 0.9 }, { ...balance, score: 0.3 }] },
    { atMs: 9000, source: 'customer', query: 'My card number is [••••].', articles: [{ ...lostCard, score: 0.6 }] },
    { atMs: 11_000, source: 'customer', query: 'Also what is my balance?', articles: [{ ...balance, score: 0.8 }, { ...lostCard, score: 0.2 }] },
  ],
  checklist: [
    { id: 'verify-identity', label: 'Verify the customer’s identity', tick: null },
    { id: 'block-card', label: 'Block the card', tick: { itemId: 'block-card', phrase: 'block your card', score: 1, startMs: 11_500, endMs: 16_000 } },
  ],
  offeredCodes: codes,
};

describe('summarizeCall', () => {
  it('names the intent by relevance-weighted votes: a request fully, a plain statement a little, the IVR half', () => {
    const summary = summarizeCall(englishCall, policy);
    expect(summary.intent?.articleId).toBe('lost-card.en');
    // lost card: IVR 0.5 + request 1 + statement 0.25 + request 0.2 / 0.8; balance: request 0.3 / 0.9 + request 1.
    const lost = 0.5 + 1 + 0.25 + 0.25;
    const bal = 0.3 / 0.9 + 1;
    expect(summary.intent?.share).toBeCloseTo(lost / (lost + bal));
  });

  it('does not let greetings and fillers outvote the request, however high their hits rank', () => {
    const suggestions = [
      snapshot('Hello, yes.', [{ ...instalment, score: 0.3 }, { ...limit, score: 0.2 }]),
      snapshot('喂，你好', [{ ...instalment, score: 0.2 }]),
      snapshot('I lost my credit card yesterday, can you block it please', [{ ...lostCard, score: 0.9 }, { ...instalment, score: 0.45 }]),
      snapshot('John Miller, fourth of March nineteen eighty', [{ ...instalment, score: 0.2 }, { ...lostCard, score: 0.1 }]),
      snapshot('Great, thank you so much.', [{ ...limit, score: 0.3 }]),
      snapshot('好的，谢谢', [{ ...limit, score: 0.3 }]),
    ];
    const intent = summarizeCall({ ...englishCall, suggestions }, policy).intent;
    // lost card: 1 + 0.25 × 0.5; instalment: 0.5 + 0.25; the fillers add nothing.
    expect(intent).toEqual({ articleId: 'lost-card.en', title: lostCard.title, share: 1.125 / (1.125 + 0.75) });
    // Rank-only votes (every list counted, 1 / (rank + 1)) would have named instalments: 1 + 1 + 0.5 + 1 = 3.5.
    expect(pickIntent(suggestions.slice(0, 2))).toBeNull();
  });

  it('counts a sentence said again once, and a complaint a quarter: it does not outvote the lost card it is about', () => {
    const complaint = { id: 'complaint.en', title: 'How do we take and escalate a customer complaint?', score: 1 };
    const intent = pickIntent(
      [
        snapshot('i lost my credit card at the train station', [{ ...lostCard, score: 1 }]),
        snapshot('I lost my credit card at the train station.', [{ ...lostCard, score: 1 }]),
        snapshot('i want to make a complaint', [complaint]),
        snapshot('i want to complain', [complaint]),
      ],
      undefined,
      (query) => /complain/.test(query),
    );
    expect(intent).toEqual({ articleId: 'lost-card.en', title: lostCard.title, share: 1 / 1.5 });
    // Through summarizeCall the policy's alert rules tell which finals escalate.
    const call = summarizeCall({ ...englishCall, suggestions: [snapshot('I want to make a complaint', [complaint]), snapshot('i lost my card', [{ ...lostCard, score: 0.9 }])] }, policy);
    expect(call.intent).toEqual({ articleId: 'lost-card.en', title: lostCard.title, share: 1 / 1.25 });
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
        suggestions: [{ atMs: 3000, source: 'customer', query: '我昨天在地铁站把信用卡弄丢了。', articles: [{ id: 'lost-card.zh-CN', title: '信用卡丢失或被盗了怎么挂失？', score: 0.7 }] }],
        offeredCodes: codes,
      },
      policy,
    );
    expect(summary.intent?.title).toBe('信用卡丢失或被盗了怎么挂失？');
    expect(summary.facts.map((f) => f.text)).toEqual(['我昨天在地铁站把信用卡弄丢了。', '卡号是[••••]。']);
    expect(summary.actions.map((a) => a.text)).toEqual(['我马上为您办理挂失。', '新卡会在五到七个工作日寄到。']);
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
      ].join('\n'),
    );
  });

  it('renders headings in Simplified and Traditional Chinese, without the wrap-up code (the panel shows it once)', () => {
    const summary = summarizeCall({ ...englishCall, transcript: [], suggestions: [], checklist: [] }, policy);
    expect(summary.wrapUp?.code).toBe('resolved');
    expect(renderSummary(summary, 'zh-CN')).toBe('来电意图：无\n关键信息：无\n承诺事项：无');
    expect(renderSummary(summary, 'zh-TW')).toBe('來電意圖：無\n關鍵資訊：無\n承諾事項：無');
  });

  it('labels a code in the UI language, falling back to the other Chinese, then English', () => {
    expect(codeLabel({ code: 'follow-up', label: { 'zh-CN': '需跟进', en: 'Follow-up needed' } }, 'zh-TW')).toBe('需跟进');
    expect(codeLabel({ code: 'transferred', label: { en: 'Transferred' } }, 'zh-CN')).toBe('Transferred');
    expect(codeLabel({ code: 'x', label: {} }, 'en')).toBe('x');
  });
});

describe('key facts without greetings', () => {
  it('skips the agent’s greeting and closing lines and cuts a greeting before the customer’s fact', () => {
    const summary = summarizeCall(
      {
        transcript: [
          final('agent', 'Thank you for calling the credit card centre, my name is Emma.', 0, 2000),
          final('customer', 'Hello, yes, I lost my credit card yesterday.', 2000, 5000),
          final('agent', '您好，信用卡中心，很高兴为您服务。', 5000, 7000),
          final('customer', '喂，你好，我的信用卡昨天丢了。', 7000, 9000),
          final('customer', 'Hello, yes.', 9000, 10_000),
        ],
        suggestions: [],
        offeredCodes: codes,
      },
      policy,
    );
    expect(summary.facts.map((f) => f.text)).toEqual(['I lost my credit card yesterday.', '我的信用卡昨天丢了。']);
  });
});
