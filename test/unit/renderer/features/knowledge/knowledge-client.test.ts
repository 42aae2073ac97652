import { describe, expect, it } from 'vitest';
import { createKnowledgeClient, type WorkerLike } from '@renderer/features/knowledge/knowledge-client';
import type { KnowledgeRequest } from '@renderer/features/knowledge/knowledge-protocol';

/** A worker double: records requests; the test answers them in any order. */
function fakeWorker() {
  const target = new EventTarget();
  const sent: KnowledgeRequest[] = [];
  const worker: WorkerLike = {
    postMessage: (message: KnowledgeRequest) => void sent.push(message),
    addEventListener: target.addEventListener.bind(target) as WorkerLike['addEventListener'],
  };
  const reply = (data: unknown) => target.dispatchEvent(new MessageEvent('message', { data }));
  const fail = (message: string) => target.dispatchEvent(Object.assign(new Event('error'), { message }));
  return { worker, sent, reply, fail };
}

describe('knowledge client', () => {
  it('matches answers to requests by id, whatever order they come back in', async () => {
    const { worker, sent, reply } = fakeWorker();
    const client = createKnowledgeClient(worker);
    const first = client.call('search', { query: 'lost card' });
    const second = client.call('article', { id: 'x' });
    expect(sent.map((r) => r.call)).toEqual(['search', 'article']);
    reply({ id: sent[1]?.id, ok: false, error: 'no such article' });
    reply({ id: sent[0]?.id, ok: true, result: [] });
    await expect(first).resolves.toEqual([]);
    await expect(second).rejects.toThrow('no such article');
  });

  it('fails pending and later calls when the worker dies', async () => {
    const { worker, fail } = fakeWorker();
    const client = createKnowledgeClient(worker);
    const pending = client.call('open', {});
    fail('boom');
    await expect(pending).rejects.toThrow('knowledge worker failed: boom');
    await expect(client.call('search', { query: 'x' })).rejects.toThrow('knowledge worker failed');
  });
});
