/**
 * The main thread's side of the knowledge worker: typed calls over postMessage, one promise per request.
 */
import type { KnowledgeCall, KnowledgeCalls, KnowledgeRequest, KnowledgeResponse } from './knowledge-protocol';

/** The part of a Worker the client needs (a fake in tests). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'addEventListener'>;

export interface KnowledgeClient {
  call<C extends KnowledgeCall>(call: C, params: KnowledgeCalls[C]['params']): Promise<KnowledgeCalls[C]['result']>;
}

/** Starts the worker (Vite bundles it as a module worker). */
export function startKnowledgeWorker(): Worker {
  return new Worker(new URL('./knowledge.worker.ts', import.meta.url), { type: 'module', name: 'knowledge' });
}

/** Wraps a worker in typed calls. A worker that dies fails every pending and later call. */
export function createKnowledgeClient(worker: WorkerLike): KnowledgeClient {
  let nextId = 1;
  let broken: string | undefined;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  worker.addEventListener('message', (event: MessageEvent<KnowledgeResponse>) => {
    const waiter = pending.get(event.data.id);
    if (!waiter) return;
    pending.delete(event.data.id);
    if (event.data.ok) waiter.resolve(event.data.result);
    else waiter.reject(new Error(event.data.error));
  });
  worker.addEventListener('error', (event: Event) => {
    broken = `knowledge worker failed: ${(event as ErrorEvent).message || 'could not start'}`;
    for (const waiter of pending.values()) waiter.reject(new Error(broken));
    pending.clear();
  });
  return {
    call(call, params) {
      if (broken) return Promise.reject(new Error(broken));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ id, call, params } as KnowledgeRequest);
      });
    },
  };
}
