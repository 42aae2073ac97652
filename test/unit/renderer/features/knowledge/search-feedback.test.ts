import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, resetDbForTests } from '@renderer/db/db';
import type { StoredKnowledgeArticle } from '@renderer/db/schema';
import { parsePolicy, type Policy } from '@common/contract/policy';
import type { LingxiApi } from '@common/contract/api';
import { addFeedback, readFeedback } from '@renderer/features/knowledge/feedback-repo';
import { startKnowledge } from '@renderer/features/knowledge/knowledge-service';
import type { KnowledgeClient } from '@renderer/features/knowledge/knowledge-client';
import { recordOpenedResult, searchFeedbackFile } from '@renderer/features/knowledge/feedback-service';
import { useKnowledge } from '@renderer/features/knowledge/knowledge-state';
import {
  anonymiseQuery,
  feedbackCandidates,
  localDay,
  toJsonLines,
  type FeedbackArticle,
  type SearchFeedbackEntry,
} from '@renderer/features/knowledge/search-feedback';

const CARD = '6222 0212 3456 7894'; // passes the Luhn check

describe('anonymiseQuery', () => {
  it('keeps a question as typed, white space collapsed', () => {
    expect(anonymiseQuery('  我的卡  丢了怎么办 ')).toBe('我的卡 丢了怎么办');
    expect(anonymiseQuery('我要掛失')).toBe('我要掛失');
    expect(anonymiseQuery('how do I block my card')).toBe('how do I block my card');
  });

  it('cuts card, phone, resident-id numbers and e-mail addresses out with the log redaction', () => {
    expect(anonymiseQuery(`卡号 ${CARD} 要挂失`)).toBe('卡号 要挂失');
    expect(anonymiseQuery('6222021234567894怎么挂失')).toBe('怎么挂失');
    expect(anonymiseQuery('customer 13812345678 lost card')).toBe('customer lost card');
    expect(anonymiseQuery('身份证 11010519491231002X 过期了')).toBe('身份证 过期了');
    expect(anonymiseQuery('send the statement to li.ming@example.com')).toBe('send the statement to');
  });

  it('drops a query that still looks personal, is empty or is pasted text', () => {
    expect(anonymiseQuery('尾号 4567 的卡')).toBeNull();
    expect(anonymiseQuery('visit www.bank.example')).toBeNull();
    expect(anonymiseQuery(CARD)).toBeNull();
    expect(anonymiseQuery(' ')).toBeNull();
    expect(anonymiseQuery('卡'.repeat(121))).toBeNull();
  });
});

const entry = (query: string, articleId: string, rank = 1): SearchFeedbackEntry => ({ query, articleId, title: `title of ${articleId}`, rank, lang: 'zh-CN', day: '2026-12-07' });
const articles = new Map<string, FeedbackArticle>([
  ['lost-card', { id: 'lost-card', title: '信用卡丢失怎么挂失？', questions: ['我卡丢了', '信用卡找不到了怎么办'] }],
  ['balance', { id: 'balance', title: '怎么查余额', questions: ['我还有多少钱'] }],
]);

describe('feedbackCandidates', () => {
  it('counts each query per article, most asked first, with the current title', () => {
    const candidates = feedbackCandidates(
      [entry('卡不见了', 'lost-card'), entry('余额多少', 'balance'), entry('卡片掉了', 'lost-card', 2), entry('卡不见了', 'lost-card', 3), entry('卡不見了', 'lost-card')],
      articles,
    );
    expect(candidates).toEqual([
      { articleId: 'balance', title: '怎么查余额', query: '余额多少', count: 1 },
      { articleId: 'lost-card', title: '信用卡丢失怎么挂失？', query: '卡不见了', count: 3 },
      { articleId: 'lost-card', title: '信用卡丢失怎么挂失？', query: '卡片掉了', count: 1 },
    ]);
  });

  it('leaves out queries the article already has as title or similar question, and articles no longer there', () => {
    const candidates = feedbackCandidates(
      [entry('我卡丟了！', 'lost-card'), entry('信用卡 找不到了 怎么办', 'lost-card'), entry('信用卡丢失怎么挂失', 'lost-card'), entry('卡不见了', 'deleted-article'), entry('我卡丢了', 'balance')],
      articles,
    );
    // 我卡丢了 is a similar question of lost-card only: for balance it is a candidate (an author may move it).
    expect(candidates).toEqual([{ articleId: 'balance', title: '怎么查余额', query: '我卡丢了', count: 1 }]);
  });

  it('writes one JSON object per line with exactly articleId, title, query and count', () => {
    const text = toJsonLines([{ articleId: 'a', title: 'T "quoted"', query: 'q\nr', count: 2 }]);
    expect(text).toBe('{"articleId":"a","title":"T \\"quoted\\"","query":"q\\nr","count":2}\n');
    expect(text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toHaveLength(1);
  });
});

const stored = (id: string, title: string, questions: string[]): StoredKnowledgeArticle => ({ id, title, questions, body: '', tags: [], lang: 'zh-CN', updatedAt: '2026-01-01T00:00:00Z', deleted: false });

describe('recording opened results', () => {
  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
    useKnowledge.setState({ feedbackExport: false });
  });

  it('records nothing while the policy is off', async () => {
    recordOpenedResult('卡不见了', { id: 'lost-card', title: 'Lost card', lang: 'zh-CN' }, 1);
    // Wait for a write that would have been queued before this one.
    await addFeedback({ query: 'marker', articleId: 'x', title: 'x', rank: 1, lang: 'en', day: '2026-01-01' });
    expect((await readFeedback()).map((e) => e.query)).toEqual(['marker']);
  });

  it('keeps the anonymised query, the article, its rank, language and the day only', async () => {
    useKnowledge.setState({ feedbackExport: true });
    recordOpenedResult(`卡号 ${CARD} 不见了`, { id: 'lost-card', title: 'Lost card', lang: 'zh-CN' }, 2, new Date(2026, 11, 7, 23, 59));
    recordOpenedResult('尾号 4567 的卡', { id: 'lost-card', title: 'Lost card', lang: 'zh-CN' }, 1);
    await vi.waitFor(async () => expect(await readFeedback()).toHaveLength(1));
    const [kept] = await readFeedback();
    expect(kept).toEqual({ id: expect.any(Number) as number, query: '卡号 不见了', articleId: 'lost-card', title: 'Lost card', rank: 2, lang: 'zh-CN', day: '2026-12-07' });
    expect(JSON.stringify(await readFeedback())).not.toContain('4567');
  });

  it('keeps at most the limit, dropping the oldest', async () => {
    for (const query of ['one', 'two', 'three', 'four']) await addFeedback({ query, articleId: 'a', title: 'A', rank: 1, lang: 'en', day: '2026-01-01' }, 3);
    expect((await readFeedback()).map((e) => e.query)).toEqual(['two', 'three', 'four']);
  });

  it('builds the export from the stored entries against the articles as stored now', async () => {
    await getDb().kbArticles.bulkPut([stored('lost-card', '信用卡丢失怎么挂失', ['我卡丢了'])]);
    for (const query of ['卡不见了', '我卡丢了', '卡不见了']) await addFeedback({ query, articleId: 'lost-card', title: 'old title', rank: 1, lang: 'zh-CN', day: '2026-01-01' });
    await addFeedback({ query: '卡不见了', articleId: 'gone', title: 'Gone', rank: 1, lang: 'zh-CN', day: '2026-01-01' });
    expect(await searchFeedbackFile()).toEqual({ text: '{"articleId":"lost-card","title":"信用卡丢失怎么挂失","query":"卡不见了","count":2}\n', candidates: 1 });
  });

  it('dates an entry by the local day', () => {
    expect(localDay(new Date(2026, 0, 5, 0, 1))).toBe('2026-01-05');
  });
});

describe('the policy turned off', () => {
  const policy = (feedbackExport: boolean): Policy => {
    const result = parsePolicy({ sip: { servers: ['wss://pbx/ws'], uri: 'sip:1001@pbx', password: 'pw' }, knowledge: { feedbackExport } }, 'test');
    if (!result.ok) throw new Error('test policy invalid');
    return result.policy;
  };
  // The worker never answers: only what start-up does before it matters here.
  const client: KnowledgeClient = { call: () => new Promise(() => undefined) };
  const deps = { client, target: { addEventListener: () => undefined } };

  beforeEach(() => {
    resetDbForTests();
    indexedDB.deleteDatabase('lingxi');
  });

  it('deletes what was kept while it was on, and keeps it while it stays on', async () => {
    await addFeedback({ query: '卡不见了', articleId: 'lost-card', title: 'Lost card', rank: 1, lang: 'zh-CN', day: '2026-12-07' });
    startKnowledge(policy(true), {} as LingxiApi, deps);
    expect(useKnowledge.getState().feedbackExport).toBe(true);
    await addFeedback({ query: 'marker', articleId: 'x', title: 'x', rank: 1, lang: 'en', day: '2026-12-07' });
    expect(await readFeedback()).toHaveLength(2);

    startKnowledge(policy(false), {} as LingxiApi, deps);
    expect(useKnowledge.getState().feedbackExport).toBe(false);
    await vi.waitFor(async () => expect(await readFeedback()).toEqual([]));
  });
});
