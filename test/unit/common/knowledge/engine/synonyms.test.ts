/**
 * Package synonym groups end to end: a query that says one member finds an article that only uses
 * another, in Chinese (characters and pairs), Traditional and variant input, and English phrases; and a
 * group does not lift unrelated articles that merely share a character or a word with one of its members.
 */
import { describe, expect, it } from 'vitest';
import { KnowledgeEngine, type EngineArticle } from '@common/knowledge/engine';

const article = (id: string, title: string, questions: string[], body: string, lang: string): EngineArticle => ({ id, title, questions, body, tags: [], lang });

const ARTICLES: EngineArticle[] = [
  article('stop-card', '银行卡怎么办理冻结卡', ['我要冻结卡', '帮我冻结卡', '冻结卡要多久生效'], '可以通过客服热线冻结卡，冻结卡后原卡不能交易。', 'zh-CN'),
  article('card-fee', '信用卡年费怎么收', ['卡的年费多少', '信用卡年费能免吗', '年费什么时候扣'], '信用卡年费按年收取。', 'zh-CN'),
  article('card-apply', '怎么申请信用卡', ['我想办张卡', '办卡要什么材料', '卡怎么申请'], '带身份证到网点办卡。', 'zh-CN'),
  article('credit-line', '信用额度怎么提高', ['能不能提高信用额度', '信用额度不够', '怎么调高信用额度'], '用卡满半年可申请。', 'zh-CN'),
  article('instalment', '消费能不能分期', ['这笔能分期吗', '分期手续费多少', '分期怎么办理'], '分期按期收手续费。', 'zh-CN'),
  article('payment-failed', '付款失败怎么办', ['付款不成功', '扫码付款失败', '付款一直失败'], '检查网络后重试付款。', 'zh-CN'),
  article('block', 'How do I block my card?', ['please block my card', 'block my card now', 'stop my card from working'], 'Call us to block the card.', 'en'),
  article('card-fee-en', 'What is the card annual fee?', ['how much is the card fee', 'card fee waiver', 'why was my card charged a fee'], 'The fee is charged yearly.', 'en'),
  article('card-apply-en', 'How do I apply for a card?', ['I want a new card', 'apply for a credit card', 'card application'], 'Apply in the app.', 'en'),
  article('money-back', 'I lost money on a purchase. Can I get it back?', ['I lost money', 'money taken and nothing delivered', 'get my money back'], 'Raise a dispute.', 'en'),
];

const GROUPS = [['挂失', '冻结卡', '止付'], ['lost card', 'block card'], ['信用额度', '额度'], ['分期', '分期付款']];
const withGroups = KnowledgeEngine.build(ARTICLES, GROUPS);
const plain = KnowledgeEngine.build(ARTICLES, []);

const ids = (engine: KnowledgeEngine, query: string): string[] => engine.search(query, { limit: 5 }).map((h) => h.id);
const scoreOf = (engine: KnowledgeEngine, query: string, id: string): number => engine.search(query, { limit: 20 }).find((h) => h.id === id)?.score ?? 0;

describe('package synonym groups', () => {
  it('finds the article that only uses another member of a Chinese group', () => {
    for (const query of ['我要挂失', '卡要止付', '挂失']) {
      expect(ids(withGroups, query)[0], query).toBe('stop-card');
    }
    // Without the group, 挂失 and 止付 share no character with the article: the answer is not first.
    expect(ids(plain, '卡要止付')[0]).not.toBe('stop-card');
    expect(ids(plain, '挂失')[0]).not.toBe('stop-card');
  });

  it('matches Traditional and variant input, and groups written in Traditional', () => {
    expect(ids(withGroups, '我的卡要掛失')[0]).toBe('stop-card');
    expect(ids(withGroups, '卡片要止付')[0]).toBe('stop-card');
    // Variant characters and written Cantonese are folded before the group is looked up (咭 → 卡, 唔見咗 → 不见了).
    expect(ids(withGroups, '我張咭要止付')[0]).toBe('stop-card');
    expect(ids(withGroups, '張咭唔見咗要掛失')[0]).toBe('stop-card');
    const traditionalGroups = KnowledgeEngine.build(ARTICLES, [['掛失', '凍結卡', '止付']]);
    expect(ids(traditionalGroups, '挂失')[0]).toBe('stop-card');
    expect(ids(traditionalGroups, '掛失')[0]).toBe('stop-card');
  });

  it('highlights the member the article uses', () => {
    const hit = withGroups.search('挂失', { limit: 1 })[0];
    const marked = hit?.match.ranges.map(([s, e]) => hit.match.text.slice(s, e)).join('|');
    expect(marked).toContain('冻结');
  });

  it('matches an English member as a phrase', () => {
    expect(ids(withGroups, 'lost card')[0]).toBe('block');
    expect(ids(plain, 'lost card')[0]).not.toBe('block');
    expect(ids(withGroups, 'I lost my card')[0]).toBe('block');
    // "lost … card" apart is not the phrase: losing money on a card is not blocking it.
    const query = 'I lost money on my card';
    expect(scoreOf(withGroups, query, 'block')).toBeCloseTo(scoreOf(plain, query, 'block'), 6);
    expect(ids(withGroups, query)[0]).toBe('money-back');
  });

  it('does not lift articles that only share a character or a word with a member', () => {
    // 信用 of 信用额度 is in every 信用卡 article; "card" of "block card" in every card article.
    for (const [query, unrelated] of [['额度不够', 'card-fee'], ['额度不够', 'card-apply'], ['能不能提高额度', 'card-fee'], ['能不能提高额度', 'card-apply'], ['lost card', 'card-fee-en']] as const) {
      expect(scoreOf(withGroups, query, unrelated), `${query} → ${unrelated}`).toBeLessThanOrEqual(scoreOf(plain, query, unrelated) + 0.02);
    }
    expect(ids(withGroups, '额度不够')[0]).toBe('credit-line');
    // A longer member that contains the one said (分期付款 for 分期) adds only 付款, which nobody asked about.
    expect(ids(withGroups, '这笔能分期吗')).not.toContain('payment-failed');
    expect(ids(withGroups, '卡')).toEqual(ids(plain, '卡'));
  });
});
