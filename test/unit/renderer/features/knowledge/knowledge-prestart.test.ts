import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePolicy, type Policy } from '@common/contract/policy';
import type { LingxiApi } from '@common/contract/api';
import { abandonKnowledge, prestartKnowledge, startKnowledge } from '@renderer/features/knowledge/knowledge-service';
import type { KnowledgeRequest } from '@renderer/features/knowledge/knowledge-protocol';
import type { WorkerLike } from '@renderer/features/knowledge/knowledge-client';

type StartableWorker = WorkerLike & Pick<Worker, 'terminate'>;
import { useKnowledge } from '@renderer/features/knowledge/knowledge-state';

/** A worker that answers `open` with three articles and leaves every other call pending. */
function fakeWorker() {
  const posted: KnowledgeRequest[] = [];
  let listener: ((event: MessageEvent) => void) | undefined;
  const worker = {
    terminated: false,
    posted,
    postMessage(request: KnowledgeRequest) {
      posted.push(request);
      if (request.call === 'open') queueMicrotask(() => listener?.({ data: { id: request.id, ok: true, result: { articles: 3 } } } as MessageEvent));
    },
    addEventListener(type: string, fn: (event: MessageEvent) => void) {
      if (type === 'message') listener = fn;
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

const policy = (): Policy => {
  const result = parsePolicy({ sip: { servers: ['wss://pbx/ws'], uri: 'sip:1001@pbx', password: 'pw' } }, 'test');
  if (!result.ok) throw new Error('test policy invalid');
  return result.policy;
};
const host = { knowledge: { readPackage: () => new Promise(() => undefined) } } as unknown as LingxiApi;

describe('the knowledge worker started before the policy', () => {
  afterEach(() => abandonKnowledge());

  it('opens the index at once, and the desk takes that worker and its open over instead of starting another', async () => {
    const worker = fakeWorker();
    const start = vi.fn(() => worker as unknown as StartableWorker);
    prestartKnowledge(start);
    prestartKnowledge(start);
    expect(start).toHaveBeenCalledTimes(1);
    expect(worker.posted.map((r) => r.call)).toEqual(['open']);

    startKnowledge(policy(), host, { target: { addEventListener: () => undefined } });
    await vi.waitFor(() => expect(useKnowledge.getState().phase).toBe('ready'));
    expect(useKnowledge.getState().articles).toBe(3);
    expect(worker.posted.filter((r) => r.call === 'open')).toHaveLength(1);
    expect(worker.terminated).toBe(false);
  });

  it('is stopped when the desk will not start (an invalid policy)', () => {
    const worker = fakeWorker();
    prestartKnowledge(() => worker as unknown as StartableWorker);
    abandonKnowledge();
    expect(worker.terminated).toBe(true);
  });

  it('falls back to starting with the desk when the worker cannot be started early', async () => {
    prestartKnowledge(() => {
      throw new Error('no workers here');
    });
    const posted: string[] = [];
    startKnowledge(policy(), host, { client: { call: (call) => (posted.push(call), new Promise(() => undefined)) }, target: { addEventListener: () => undefined } });
    expect(posted).toEqual(['open']);
  });
});
