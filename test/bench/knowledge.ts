/**
 * Knowledge search at scale: 10,000 generated articles (half zh-CN, half en, each a title, eight
 * similar questions and a body of a few hundred characters) → search p95 over mixed queries, cold
 * start from a persisted (encoded) index, and the index size. Part of `npm run bench` (test/bench/run.ts).
 */
import { decodeIndex, encodeIndex, KnowledgeEngine, type EngineArticle } from '@common/knowledge/engine';
import { seededRandom } from '../../tools/banking77';
import { summarize, type Figure } from './stats';

const ZH = '信用卡 借记卡 挂失 补办 余额 查询 转账 汇款 手续费 年费 减免 分期 额度 提额 还款 外币 购汇 争议 交易 退款 投诉 冻结 解冻 密码 重置 老年人 优先 诈骗 提醒 网点 预约 开户 销户 利率 理财 存款 贷款 逾期 积分 兑换 账单 明细 短信 通知 验证码 手机银行 柜台 客服'.split(' ');
const ZH_GLUE = '我的 怎么 如何 为什么 可以 需要 已经 还是 一下 多久 什么 哪里'.split(' ');
const EN = 'card debit credit lost stolen replace balance check transfer wire fee annual waiver instalment limit increase repay repayment foreign currency dispute chargeback refund complaint freeze unfreeze password reset elderly priority fraud warning branch appointment open close account interest savings deposit loan overdue points statement sms notification code mobile app counter agent'.split(' ');
const EN_GLUE = 'how do i my can you why is the what when where need to a for'.split(' ');

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const words = (random: Random, n: number, vocab: readonly string[], glue: readonly string[], sep: string): string =>
  Array.from({ length: n }, (_, i) => (i % 3 === 1 ? pick(random, glue) : pick(random, vocab))).join(sep);

/** Generates `count` reproducible articles, alternating zh-CN and en. */
export function generateArticles(count: number, seed = 42): EngineArticle[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const zh = i % 2 === 0;
    const [vocab, glue, sep] = zh ? [ZH, ZH_GLUE, ''] : [EN, EN_GLUE, ' '];
    const line = (n: number) => words(random, n, vocab, glue, sep);
    return {
      id: `a${i}`,
      title: line(4),
      questions: Array.from({ length: 8 }, () => line(5 + Math.floor(random() * 4))),
      body: Array.from({ length: 6 }, () => line(12)).join(zh ? '。' : '. '),
      tags: [pick(random, vocab)],
      lang: zh ? 'zh-CN' : 'en',
    };
  });
}

/** The bench's knowledge figures. */
export interface KnowledgeFigures {
  'knowledge.search_ms': Figure;
  /** The headline figure: p95 of one query (target ≤ 10 ms). */
  'knowledge.search_p95_ms': number;
  'knowledge.cold_start_ms': Figure;
  'knowledge.build_ms': number;
  'knowledge.index_mb': number;
}

/** Builds, persists, reloads and queries a generated 10,000-article knowledge base. */
export async function measureKnowledge(count = 10_000, queries = 500): Promise<KnowledgeFigures> {
  const articles = generateArticles(count);
  let started = performance.now();
  const engine = KnowledgeEngine.build(articles);
  const buildMs = performance.now() - started;
  const encoded = encodeIndex(engine.data);
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    KnowledgeEngine.load(decodeIndex(encoded));
    cold.push(performance.now() - started);
  }
  const random = seededRandom(7);
  const times: number[] = [];
  for (let i = 0; i < queries; i++) {
    const source = pick(random, articles);
    const query = pick(random, source.questions).slice(0, 6 + Math.floor(random() * 20));
    started = performance.now();
    engine.search(query);
    times.push(performance.now() - started);
  }
  const search = summarize(times, `one query, ${count} articles, mixed zh/en`);
  return {
    'knowledge.search_ms': search,
    'knowledge.search_p95_ms': search.p95,
    'knowledge.cold_start_ms': summarize(cold, 'decode + load a persisted index'),
    'knowledge.build_ms': Math.round(buildMs),
    'knowledge.index_mb': Math.round((encoded.length / 1e6) * 10) / 10,
  };
}
