/**
 * A minimal knowledge package used only when neither the policy nor the build provides one
 * (assets/knowledge/sample-kb.json is the real default). Enough to show that search works.
 */
import { KNOWLEDGE_FORMAT, KNOWLEDGE_VERSION } from '@common/knowledge/package-schema';

const updatedAt = '2025-01-01T00:00:00Z';

/** The fallback package, as a plain object in the package format. */
export const FALLBACK_PACKAGE = {
  format: KNOWLEDGE_FORMAT,
  version: KNOWLEDGE_VERSION,
  articles: [
    {
      id: 'card-lost',
      title: '银行卡丢失如何挂失？',
      questions: ['卡丢了怎么办', '我的卡被偷了', '掛失信用卡', 'I lost my card', 'my card was stolen', 'how do I report a lost card'],
      body: '1. 核实客户身份。\n2. 立即办理**临时挂失**，冻结卡片。\n3. 提醒客户 5 个工作日内到网点办理正式挂失并补卡。',
      tags: ['挂失', 'lost card'],
      product: 'debit-card',
      lang: 'zh-CN',
      updatedAt,
    },
    {
      id: 'balance',
      title: '如何查询账户余额？',
      questions: ['我还有多少钱', '查余额', 'how much money do I have left', 'check my balance'],
      body: '可通过手机银行、网银、ATM 或本热线查询余额。',
      tags: ['余额', 'balance'],
      lang: 'zh-CN',
      updatedAt,
    },
  ],
};
