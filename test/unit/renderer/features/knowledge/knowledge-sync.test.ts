import { beforeEach, describe, expect, it } from 'vitest';
import { resetDbForTests } from '@renderer/db/db';
import { KnowledgeBase } from '@renderer/features/knowledge/knowledge-base';
import { readSnapshot } from '@renderer/features/knowledge/knowledge-repo';
import { deltaUrl, syncOnce, SyncError } from '@renderer/features/knowledge/knowledge-sync';
import { annualFee, balance, lostCard, packageText } from './kb-fixtures';

const URL_ = 'https://kb.bank.example/delta';
const MAX_BYTES = 256 * 1024 * 1024;

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(answers: (() => Response)[]) {
  const calls: { url: string; ifNoneMatch: string | null }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), ifNoneMatch: new Headers(init?.headers).get('If-None-Match') });
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  }) as typeof fetch;
  return { fetchFn, calls };
}

const deltaResponse = (articles: unknown[], cursor: string, etag?: string, hasMore = false) =>
  () => new Response(packageText(articles, { cursor, hasMore }), { status: 200, headers: etag ? { ETag: etag } : {} });

beforeEach(() => {
  resetDbForTests();
  indexedDB.deleteDatabase('lingxi');
});

describe('knowledge sync', () => {
  it('sends the cursor as since and the ETag as If-None-Match; a 304 changes nothing but the sync time', async () => {
    expect(deltaUrl('https://kb.bank.example/delta?tenant=a', 'c 1')).toBe('https://kb.bank.example/delta?tenant=a&since=c+1');
    const kb = new KnowledgeBase();
    await kb.importPackage(packageText([lostCard]));
    const { fetchFn, calls } = scriptedFetch([deltaResponse([balance], 'c1', '"e1"'), () => new Response(null, { status: 304 })]);
    expect(await syncOnce(kb, URL_, { maxBytes: MAX_BYTES, fetch: fetchFn })).toMatchObject({ deltas: 1, applied: 1 });
    expect(await syncOnce(kb, URL_, { maxBytes: MAX_BYTES, fetch: fetchFn })).toMatchObject({ deltas: 0, applied: 0 });
    expect(calls).toEqual([
      { url: URL_, ifNoneMatch: null },
      { url: `${URL_}?since=c1`, ifNoneMatch: '"e1"' },
    ]);
    expect((await readSnapshot()).state).toMatchObject({ syncCursor: 'c1', etag: '"e1"' });
  });

  it('is resumable: a sync cut off between pages keeps the committed page and resumes after it', async () => {
    const kb = new KnowledgeBase();
    await kb.importPackage(packageText([lostCard]));
    // Page 1 commits, page 2 never arrives (the network drops).
    const first = scriptedFetch([deltaResponse([balance], 'p1', '"ignored-mid-page"', true)]);
    await expect(syncOnce(kb, URL_, { maxBytes: MAX_BYTES, fetch: first.fetchFn })).rejects.toBeInstanceOf(SyncError);
    expect((await readSnapshot()).state).toMatchObject({ syncCursor: 'p1' });
    expect((await readSnapshot()).state.etag).toBeUndefined();
    expect((await kb.search('how much money do I have left'))[0]?.id).toBe('balance');

    // After a restart the sync asks for what comes after p1, without an ETag that would hide it.
    const restarted = new KnowledgeBase();
    await restarted.open();
    const second = scriptedFetch([deltaResponse([annualFee], 'p2', '"e2"')]);
    expect(await syncOnce(restarted, URL_, { maxBytes: MAX_BYTES, fetch: second.fetchFn })).toMatchObject({ deltas: 1, applied: 1 });
    expect(second.calls).toEqual([{ url: `${URL_}?since=p1`, ifNoneMatch: null }]);
    expect((await readSnapshot()).state).toMatchObject({ syncCursor: 'p2', etag: '"e2"' });
  });

  it('does not advance the cursor on an HTTP error or a delta with a bad envelope', async () => {
    const kb = new KnowledgeBase();
    await kb.importPackage(packageText([lostCard]));
    await syncOnce(kb, URL_, { maxBytes: MAX_BYTES, fetch: scriptedFetch([deltaResponse([balance], 'c1', '"e1"')]).fetchFn });
    const bad = scriptedFetch([
      () => new Response('oops', { status: 503 }),
      () => new Response('{"format":"lingxi-knowledge","version":1,"articles":[]}', { status: 200 }),
    ]);
    await expect(syncOnce(kb, URL_, { maxBytes: MAX_BYTES, fetch: bad.fetchFn })).rejects.toThrow('HTTP 503');
    await expect(syncOnce(kb, URL_, { maxBytes: MAX_BYTES, fetch: bad.fetchFn })).rejects.toThrow('bad delta: cursor');
    expect((await readSnapshot()).state).toMatchObject({ syncCursor: 'c1', etag: '"e1"' });
  });
});
