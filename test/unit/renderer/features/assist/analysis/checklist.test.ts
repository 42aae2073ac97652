import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChecklistTracker, phraseScore, type ChecklistItem } from '@renderer/features/assist/analysis/checklist';
import { parseKnowledgePackage } from '@common/knowledge/package-schema';
import { final, partial } from './fixtures';

const items: ChecklistItem[] = [
  { id: 'verify', label: 'Verify identity', phrases: ['verify your identity', '核实您的身份'] },
  { id: 'freeze', label: 'Freeze the card', phrases: ['freeze the card', '冻结卡片', '挂失'] },
  { id: 'replace', label: 'Offer a replacement', phrases: ['replacement card', '补办新卡'] },
];

describe('phraseScore', () => {
  it('is word-order tolerant and ignores stop words and inflections in English', () => {
    expect(phraseScore('freeze the card', 'let me freeze your card now')).toBe(1);
    expect(phraseScore('freeze the card', 'the card, I will freeze it')).toBe(1);
    expect(phraseScore('verify your identity', 'I just need to verify the identity first')).toBe(1);
    expect(phraseScore('freeze the card', 'your card balance is fine')).toBe(0.5);
  });

  it('counts Chinese characters in any order, Traditional folded to Simplified', () => {
    expect(phraseScore('冻结卡片', '我现在帮您把卡冻结了')).toBe(0.75);
    expect(phraseScore('冻结卡片', '我現在幫您把卡凍結了')).toBe(0.75);
    expect(phraseScore('核实您的身份', '先核實一下您的身份')).toBe(1);
    expect(phraseScore('冻结卡片', '您的余额是多少')).toBe(0);
  });

  it('needs a two-character Chinese phrase said as written', () => {
    expect(phraseScore('挂失', '已经帮您挂失了')).toBe(1);
    expect(phraseScore('挂失', '电话先挂了，别失望')).toBe(0);
  });
});

describe('ChecklistTracker', () => {
  it('ticks items from the agent’s finals, keeps the article’s order and records the utterance time', () => {
    const tracker = new ChecklistTracker(items, 0.75);
    expect(tracker.feed(final('agent', 'Let me freeze your card now', 5000, 7000))).toEqual([
      { itemId: 'freeze', phrase: 'freeze the card', score: 1, startMs: 5000, endMs: 7000 },
    ]);
    expect(tracker.state().map((i) => [i.id, i.tick?.startMs ?? null])).toEqual([
      ['verify', null],
      ['freeze', 5000],
      ['replace', null],
    ]);
    expect(tracker.complete).toBe(false);
  });

  it('ignores the customer and partials, and ticks an item only once', () => {
    const tracker = new ChecklistTracker(items, 0.75);
    expect(tracker.feed(final('customer', 'please freeze the card', 0, 1000))).toEqual([]);
    expect(tracker.feed(partial('agent', 'I will freeze the card', 1000, 2000))).toEqual([]);
    expect(tracker.feed(final('agent', 'I will freeze the card', 1000, 2500))).toHaveLength(1);
    expect(tracker.feed(final('agent', 'the card freeze is done', 3000, 4000))).toEqual([]);
    expect(tracker.state()[1]?.tick?.startMs).toBe(1000);
  });

  it('ticks several items from one utterance, in Chinese', () => {
    const tracker = new ChecklistTracker(items, 0.75);
    const ticks = tracker.feed(final('agent', '已经核实您的身份，我现在帮您把卡冻结了', 0, 4000));
    expect(ticks.map((t) => t.itemId)).toEqual(['verify', 'freeze']);
    tracker.feed(final('agent', '需要為您補辦一張新卡嗎', 4000, 6000));
    expect(tracker.complete).toBe(true);
  });

  it('follows the threshold: a looser one accepts a weaker paraphrase', () => {
    const said = final('agent', 'I will send a replacement', 0, 1000);
    expect(new ChecklistTracker(items, 0.75).feed(said)).toEqual([]);
    expect(new ChecklistTracker(items, 0.5).feed(said).map((t) => t.itemId)).toEqual(['replace']);
    expect(() => new ChecklistTracker(items, 0)).toThrow(/threshold must be in \(0, 1\]/);
  });
});

describe('checklists in the sample knowledge base', () => {
  const parsed = parseKnowledgePackage(readFileSync('assets/knowledge/sample-kb.json', 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const byId = new Map(parsed.value.articles.map((a) => [a.id, a]));
  const tick = (articleId: string, lines: string[]) => {
    const tracker = new ChecklistTracker(byId.get(articleId)?.checklist ?? [], 0.75);
    lines.forEach((line, i) => tracker.feed(final('agent', line, i * 5000, i * 5000 + 4000)));
    return tracker.state().filter((s) => s.tick).map((s) => s.id);
  };

  it('are valid and cover six topics in zh-CN, zh-TW and en', () => {
    const withChecklist = parsed.value.articles.filter((a) => a.checklist?.length).map((a) => a.id);
    expect(withChecklist).toHaveLength(18);
    for (const topic of ['lost-card', 'atm-card-retained', 'password-reset-debit', 'account-freeze', 'dispute-chargeback', 'complaint']) {
      for (const lang of ['zh-CN', 'zh-TW', 'en']) expect(withChecklist).toContain(`${topic}.${lang}`);
    }
  });

  it('tick from each lost-card article’s own script line, and not the steps it does not say', () => {
    expect(tick('lost-card.zh-CN', ['您的卡已经挂失成功，挂失时间是十点二十分，从现在起这张卡不能再交易了。请问需要为您补办一张新卡吗？'])).toEqual(['block-card', 'offer-replacement']);
    expect(tick('lost-card.zh-TW', ['您的卡已經掛失成功，掛失時間是十點二十分，從現在起這張卡無法再交易。請問需要幫您補發新卡嗎？'])).toEqual(['block-card', 'offer-replacement']);
    expect(tick('lost-card.en', ['Your card is now blocked as of ten twenty, so no one can use it. Would you like us to send you a replacement?'])).toEqual(['block-card', 'offer-replacement']);
  });

  it('tick every step of a whole call, in English and Chinese', () => {
    expect(
      tick('lost-card.en', [
        'First I need to verify your identity, please enter the SMS code.',
        "Thanks. I'm blocking your card right now.",
        "Are there any transactions you don't recognise in the last two days?",
        'I can order a replacement card for you.',
      ]),
    ).toEqual(['verify-identity', 'block-card', 'ask-unknown-transactions', 'offer-replacement']);
    expect(
      tick('complaint.zh-CN', ['非常抱歉给您带来不便', '您说的情况我已经完整记录了', '您的工单号是三五七九', '我们会在两个工作日内联系您']),
    ).toEqual(['apologise', 'record-details', 'give-reference', 'give-timescale']);
  });

  it('stay unticked by ordinary agent talk', () => {
    const small = ['您好，请问有什么可以帮您？', 'Your balance is five hundred yuan.', '好的，请稍等。', 'Is there anything else?'];
    for (const article of parsed.value.articles.filter((a) => a.checklist)) expect(tick(article.id, small), article.id).toEqual([]);
  });
});
