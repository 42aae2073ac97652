import { describe, expect, it } from 'vitest';
import { fold, foldWithOrigin, zhScript } from '@common/knowledge/engine/fold';
import { analyze, terms } from '@common/knowledge/engine/tokenize';
import { normalizeZh } from '@common/knowledge/engine/zh-normalize';
import { DEFAULT_CONFIG, KnowledgeEngine } from '@common/knowledge/engine';

const normalized = (text: string): string => normalizeZh(foldWithOrigin(text)).text;

describe('Chinese variant characters (fold)', () => {
  it.each([
    ['帐单', '账单'],
    ['帳單', '账单'],
    ['美元还欠著', '美元还欠着'],
    ['週末', '周末'],
    ['信用咔', '信用卡'],
    ['信用咭', '信用卡'],
    ['衹還了一部分', '只还了一部分'],
    ['妳好', '你好'],
  ])('%s → %s', (text, expected) => expect(fold(text)).toBe(expected));
});

describe('written Cantonese, colloquial Mandarin and homophone slips (normalizeZh)', () => {
  it.each([
    ['我張卡唔見咗', '我张卡不见了'],
    ['有冇人講廣東話', '有没有人讲广东话'],
    ['呢張卡係咪我嘅', '这张卡是不是我的'],
    ['唔係我刷嘅', '不是我刷的'],
    ['乜嘢費用', '什么费用'],
    ['收咩費', '收什么费'],
    ['點解扣咗我錢', '为什么扣了我钱'],
    ['點樣激活', '怎么激活'],
    ['仲有幾多錢', '还有多少钱'],
    ['搵唔到張卡', '找不到张卡'],
    ['提款機食咗我張卡', '取款机吃了我张卡'],
    ['櫃員機冇出錢', '取款机没有出钱'],
    ['戶口凍結咗點算', '账户冻结了怎么办'],
    ['開戶要帶戶口本嗎', '开户要带户口本吗'],
    ['卡丢了咋整', '卡丢了怎么办'],
    ['咋激活', '怎么激活'],
    ['为啥扣我年费', '为什么扣我年费'],
    ['收啥费', '收什么费'],
    ['密马忘了', '密码忘了'],
    ['卡被冻洁了', '卡被冻结了'],
    ['商家仲裁', '商家仲裁'],
    ['还有钱吗啊', '还有钱吗 '],
  ])('%s → %s', (text, expected) => expect(normalized(text)).toBe(expected));

  it('points every term back at the characters the customer wrote', () => {
    const text = '點解扣咗錢';
    const found = analyze(text).map((t) => [t.term, text.slice(t.start, t.end)]);
    expect(found).toContainEqual(['为什', '點解']);
    expect(found).toContainEqual(['扣了', '扣咗']);
    expect(found).toContainEqual(['了钱', '咗錢']);
  });

  it('leaves text without dialect words as it is', () => {
    const folded = foldWithOrigin('信用卡丢了怎么挂失 lost card');
    expect(normalizeZh(folded)).toBe(folded);
  });
});

describe('Chinese negation', () => {
  it('drops the single character of a negated verb but keeps the negation bigram', () => {
    expect(terms('卡没丢')).toEqual(['卡', '卡没', '没', '没丢']);
    expect(terms('卡丢了')).toContain('丢');
  });

  it('ranks a negated query below the positive question it shares the verb with', () => {
    const engine = KnowledgeEngine.build([
      { id: 'lost', title: '信用卡丢了怎么挂失', questions: ['卡丢了', '卡丢了怎么办'] },
      { id: 'declined', title: '刷卡失败是什么原因', questions: ['卡刷不了', '刷卡被拒'] },
    ]);
    const score = (query: string): number => engine.search(query).find((h) => h.id === 'lost')?.score ?? 0;
    expect(engine.search('卡丢了')[0]?.id).toBe('lost');
    expect(engine.search('卡没丢但是刷不了')[0]?.id).toBe('declined');
    expect(score('卡没丢')).toBeLessThan(score('卡丢了'));
  });
});

describe('Simplified and Traditional versions of one answer', () => {
  it.each([
    ['信用卡挂失', 'zh-CN'],
    ['信用卡掛失', 'zh-TW'],
    ['信用卡', undefined],
    ['lost card', undefined],
  ])('%s is written in %s', (text, script) => expect(zhScript(text)).toBe(script));

  it("lists the version in the query's script first", () => {
    // Lexical evidence only: the learned models give two identical articles unequal shares by training order.
    const lexical = { ...DEFAULT_CONFIG, mix: { ...DEFAULT_CONFIG.mix, classifier: 0, classifierLog: 0, facets: 0 } };
    const engine = KnowledgeEngine.build(
      [
        { id: 'freeze.zh-TW', title: '帳戶被凍結了怎麼辦', questions: ['我的帳戶被凍結了', '怎麼解凍'], lang: 'zh-TW' },
        { id: 'freeze.zh-CN', title: '账户被冻结了怎么办', questions: ['我的账户被冻结了', '怎么解冻'], lang: 'zh-CN' },
      ],
      [],
      lexical,
    );
    expect(engine.search('我的账户被冻结了怎么解冻').map((h) => h.id)).toEqual(['freeze.zh-CN', 'freeze.zh-TW']);
    expect(engine.search('我的帳戶被凍結了怎麼解凍').map((h) => h.id)).toEqual(['freeze.zh-TW', 'freeze.zh-CN']);
  });
});
