import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, resetDbForTests } from '@renderer/db/db';
import { parseKnowledgeDelta } from '@common/knowledge/delta-schema';
import { DEFAULT_CONFIG, KnowledgeEngine, type EngineArticle } from '@common/knowledge/engine';
import type { StoredKnowledgeArticle } from '@renderer/db/schema';
import { KnowledgeBase } from '@renderer/features/knowledge/knowledge-base';
import { readArticles, readSnapshot, replaceKnowledgeBase } from '@renderer/features/knowledge/knowledge-repo';
import { annualFee, article, balance, lostCard, packageText } from './kb-fixtures';

const ids = async () => (await readArticles()).map((a) => a.id).sort();
const delta = (articles: unknown[], cursor = 'c1', extra: Record<string, unknown> = {}) => {
  const parsed = parseKnowledgeDelta(packageText(articles, { cursor, ...extra }));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
};

beforeEach(() => {
  resetDbForTests();
  indexedDB.deleteDatabase('lingxi');
});

describe('package import (atomic swap)', () => {
  it('imports a package, then skips the same package and finds articles by how customers ask', async () => {
    const kb = new KnowledgeBase();
    await kb.open();
    expect(await kb.importPackage(packageText([lostCard, balance]))).toEqual({ status: 'imported', articles: 2 });
    expect(await kb.importPackage(packageText([lostCard, balance]))).toEqual({ status: 'unchanged', articles: 2 });
    expect((await kb.search('lost card'))[0]?.id).toBe('card-lost');
    expect((await kb.search('我还有多少钱'))[0]?.id).toBe('balance');
  });

  it('rejects a corrupt package whole and leaves the previous knowledge base untouched and searchable', async () => {
    const kb = new KnowledgeBase();
    await kb.open();
    await kb.importPackage(packageText([lostCard, balance]));
    const before = await readSnapshot();

    const truncated = packageText([lostCard, annualFee]).slice(0, 80);
    const notJson = await kb.importPackage(truncated);
    expect(notJson).toMatchObject({ status: 'rejected' });
    expect((notJson as { errors: string[] }).errors[0]).toMatch(/^not valid JSON/);

    // One good article and two bad ones: nothing of it applies, and every problem names its path.
    const bad = await kb.importPackage(packageText([annualFee, { ...lostCard, title: ' ' }, { ...balance, lang: 'English please' }]));
    expect(bad).toEqual({
      status: 'rejected',
      errors: ['articles[1].title: must not be empty', 'articles[2].lang: must be a BCP 47 tag such as zh-CN'],
    });
    expect(await ids()).toEqual(['balance', 'card-lost']);
    expect((await readSnapshot()).state).toEqual(before.state);
    expect((await kb.search('annual fee waived')).map((h) => h.id)).not.toContain('annual-fee');
    expect((await kb.search('lost card'))[0]?.id).toBe('card-lost');
    // And a restart still has the old knowledge base.
    const restarted = new KnowledgeBase();
    expect((await restarted.open()).articles).toBe(2);
  });

  it('a restart loads the persisted index without rebuilding it', async () => {
    await new KnowledgeBase().importPackage(packageText([lostCard, balance, annualFee]));
    const build = vi.spyOn(KnowledgeEngine, 'build');
    const kb = new KnowledgeBase();
    expect((await kb.open()).articles).toBe(3);
    expect(build).not.toHaveBeenCalled();
    expect((await kb.search('waive my annual fee'))[0]?.id).toBe('annual-fee');
    build.mockRestore();
  });

  it('a damaged stored index is rebuilt from the stored articles, and the rebuilt one is stored', async () => {
    await new KnowledgeBase().importPackage(packageText([lostCard, balance, annualFee]));
    const stored = (await getDb().kbMeta.get('index'))?.value as Blob;
    expect(stored).toBeInstanceOf(Blob);
    await getDb().kbMeta.put({ key: 'index', value: stored.slice(0, stored.size - 64) });
    const build = vi.spyOn(KnowledgeEngine, 'build');
    const kb = new KnowledgeBase();
    expect((await kb.open()).articles).toBe(3);
    expect(build).toHaveBeenCalledTimes(1);
    expect((await kb.search('waive my annual fee'))[0]?.id).toBe('annual-fee');
    expect((await (await readSnapshot()).index?.whole())?.articles).toHaveLength(3);
    build.mockRestore();
  });
});

describe('deltas', () => {
  it('applies the valid articles of a delta, skips and reports the bad one, and advances the cursor with them', async () => {
    const kb = new KnowledgeBase();
    await kb.importPackage(packageText([lostCard, balance]));
    const result = await kb.applyDelta(
      delta([annualFee, { id: 'broken', title: '', lang: 'en', updatedAt: 'yesterday' }, { ...balance, deleted: true }], 'cursor-7'),
      '"v7"',
      1234,
    );
    expect(result.applied).toBe(1);
    expect(result.deleted).toBe(1);
    expect(result.skipped).toEqual([
      'articles[1] (id "broken").title: must not be empty',
      'articles[1] (id "broken").updatedAt: Invalid ISO datetime',
    ]);
    expect(await ids()).toEqual(['annual-fee', 'card-lost']);
    expect((await kb.search('waive my annual fee'))[0]?.id).toBe('annual-fee');
    expect((await kb.search('how much money do I have left')).map((h) => h.id)).not.toContain('balance');
    expect((await readSnapshot()).state).toMatchObject({ syncCursor: 'cursor-7', etag: '"v7"', lastSyncedAt: 1234 });
    // The persisted index is the new one: a restart finds the delta's article.
    const restarted = new KnowledgeBase();
    await restarted.open();
    expect((await restarted.search('waive my annual fee'))[0]?.id).toBe('annual-fee');
  });

  it('updates an article in place by id', async () => {
    const kb = new KnowledgeBase();
    await kb.importPackage(packageText([lostCard]));
    await kb.applyDelta(delta([article('card-lost', 'Report a lost or swallowed card', ['the ATM ate my card'])]), undefined);
    expect((await kb.search('ATM ate my card'))[0]?.id).toBe('card-lost');
    expect((await kb.article('card-lost'))?.title).toBe('Report a lost or swallowed card');
  });
});

describe('a large stored index at start-up', () => {
  it('answers from ranges of the stored index at once, exactly as the whole index, which then takes over', async () => {
    const articles = [lostCard, balance, annualFee, ...Array.from({ length: 40 }, (_, i) => article(`extra-${i}`, `Branch opening hours ${i}`, [`is branch ${i} open on sunday`]))];
    const lexical = { ...DEFAULT_CONFIG, mix: { ...DEFAULT_CONFIG.mix, classifier: 0, classifierLog: 0, facets: 0 } };
    const engine = KnowledgeEngine.build(articles as EngineArticle[], [], lexical);
    await replaceKnowledgeBase(articles as StoredKnowledgeArticle[], engine.data, {});

    const kb = new KnowledgeBase(0);
    expect(await kb.open()).toEqual({ articles: 43 });
    expect(kb.serving).toBe('partial');
    for (const query of ['lost card', 'waive my annual fee', 'is branch 7 open']) expect(await kb.search(query), query).toEqual(engine.search(query));
    await vi.waitFor(() => expect(kb.serving).toBe('whole'));
    expect(await kb.search('is branch 7 open')).toEqual(engine.search('is branch 7 open'));
  });
});
