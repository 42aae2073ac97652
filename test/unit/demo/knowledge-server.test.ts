/**
 * The demo's knowledge server speaks the desk's delta-sync protocol: the whole sample knowledge base in one
 * valid delta for a desk without the cursor, 304 for a desk that is caught up, and the CORS headers the
 * desk's worker (another origin) needs to send If-None-Match and read the ETag.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledgeDelta } from '@common/knowledge/delta-schema';
import { DemoKnowledgeServer, KNOWLEDGE_REQUESTS_PATH, KNOWLEDGE_SYNC_PATH } from '../../../demo/knowledge-server';

const knowledge = new DemoKnowledgeServer(join(__dirname, '../../../assets/knowledge/sample-kb.json'));
const server: Server = createServer((req, res) => {
  if (!knowledge.handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1'))) res.writeHead(404).end();
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the demo knowledge server', () => {
  it('sends a new desk the whole sample knowledge base as one valid delta, then 304 once it is caught up', async () => {
    const first = await fetch(`${base}${KNOWLEDGE_SYNC_PATH}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('ETag');
    const delta = parseKnowledgeDelta(await first.text());
    if (!delta.ok) throw new Error(delta.errors.join('; '));
    expect(delta.value).toMatchObject({ cursor: knowledge.cursor, hasMore: false, skipped: [] });
    expect(delta.value.articles).toHaveLength(118);
    expect(delta.value.articles.map((a) => a.id)).toContain('lost-card.en');
    expect(delta.value.synonyms?.length).toBeGreaterThan(50);
    expect(etag).toBe(`"${knowledge.cursor}"`);

    const again = await fetch(`${base}${KNOWLEDGE_SYNC_PATH}?since=${knowledge.cursor}`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    const noEtag = parseKnowledgeDelta(await (await fetch(`${base}${KNOWLEDGE_SYNC_PATH}?since=${knowledge.cursor}`)).text());
    expect(noEtag.ok && noEtag.value.articles).toEqual([]);
    const stale = parseKnowledgeDelta(await (await fetch(`${base}${KNOWLEDGE_SYNC_PATH}?since=sample-old`)).text());
    expect(stale.ok && stale.value.articles.length).toBe(118);

    const requests = (await (await fetch(`${base}${KNOWLEDGE_REQUESTS_PATH}`)).json()) as { since: string | null; status: number }[];
    expect(requests.map((r) => [r.since, r.status])).toEqual([[null, 200], [knowledge.cursor, 304], [knowledge.cursor, 200], ['sample-old', 200]]);
  });

  it('answers the browser’s preflight so a desk on another origin may send If-None-Match and read the ETag', async () => {
    const preflight = await fetch(`${base}${KNOWLEDGE_SYNC_PATH}`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/If-None-Match/);
    expect(preflight.headers.get('Access-Control-Expose-Headers')).toBe('ETag');
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
