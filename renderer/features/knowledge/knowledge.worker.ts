/**
 * The knowledge worker: owns the engine and the knowledge base, so indexing a package, applying a
 * delta and every search run off the UI thread. Requests are answered in the order they finish;
 * each carries its id (knowledge-protocol.ts).
 */
/// <reference lib="webworker" />
import { errorMessage } from '@common/errors';
import { KnowledgeBase } from './knowledge-base';
import type { KnowledgeCall, KnowledgeCalls, KnowledgeRequest, KnowledgeResponse } from './knowledge-protocol';
import { syncOnce } from './knowledge-sync';

const kb = new KnowledgeBase();
const scope = self as unknown as DedicatedWorkerGlobalScope;

type Handlers = { [C in KnowledgeCall]: (params: KnowledgeCalls[C]['params']) => Promise<KnowledgeCalls[C]['result']> | KnowledgeCalls[C]['result'] };

const handlers: Handlers = {
  open: () => kb.open(),
  import: async ({ text }) => ({ ...(await kb.importPackage(text)), kb: kb.status() }),
  sync: async ({ url, maxBytes }) => ({ ...(await syncOnce(kb, url, { maxBytes })), kb: kb.status() }),
  search: ({ query, limit, product }) => kb.search(query, { ...(limit ? { limit } : {}), ...(product ? { product } : {}) }),
  article: async ({ id }) => (await kb.article(id)) ?? null,
};

scope.addEventListener('message', (event: MessageEvent<KnowledgeRequest>) => {
  const { id, call, params } = event.data;
  const handler = handlers[call] as (p: typeof params) => unknown;
  Promise.resolve()
    .then(() => handler(params))
    .then(
      (result) => scope.postMessage({ id, ok: true, result } satisfies KnowledgeResponse),
      (error: unknown) => scope.postMessage({ id, ok: false, error: errorMessage(error) } satisfies KnowledgeResponse),
    );
});
