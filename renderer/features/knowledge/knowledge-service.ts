/**
 * Starts knowledge search: the worker loads the persisted index (searchable at once, no rebuild), then
 * in the background the policy's package is imported if it changed and delta sync runs on start and
 * every knowledge.syncMinutes. Nothing here waits on the network: search works offline from the start.
 */
import { megabytes } from '@common/read-body';
import type { LingxiApi } from '@common/contract/api';
import type { Policy } from '@common/contract/policy';
import { errorMessage } from '@common/errors';
import { drop } from '@common/logging/drop';
import { createLogger } from '../../platform/logger';
import { defaultPackageText, DEFAULT_PACKAGE_SOURCE } from './default-kb';
import { createKnowledgeClient, startKnowledgeWorker, type KnowledgeClient, type WorkerLike } from './knowledge-client';
import type { KnowledgeStatus } from './knowledge-base';
import { useKnowledge } from './knowledge-state';
import { clearFeedback } from './feedback-repo';

const log = createLogger('knowledge');

export interface KnowledgeServiceDeps {
  client?: KnowledgeClient;
  /** Window events (online/offline); default window. */
  target?: Pick<Window, 'addEventListener'>;
  setInterval?: (fn: () => void, ms: number) => unknown;
}

function applyStatus(status: KnowledgeStatus): void {
  useKnowledge.setState({ articles: status.articles, ...(status.lastSyncedAt !== undefined ? { lastSyncedAt: status.lastSyncedAt } : {}) });
}

/** Reads the policy's package (or the default) and imports it if it changed. */
async function importPackage(client: KnowledgeClient, host: LingxiApi): Promise<void> {
  const file = await host.knowledge.readPackage();
  if (file && !file.ok) {
    useKnowledge.setState({ rejected: { source: file.source, errors: [file.error] } });
    log.warn(`knowledge package not readable: ${file.error}`);
    return;
  }
  const source = file?.source ?? DEFAULT_PACKAGE_SOURCE;
  const result = await client.call('import', { text: file?.text ?? (await defaultPackageText()) });
  applyStatus(result.kb);
  if (result.status === 'rejected') {
    useKnowledge.setState({ rejected: { source, errors: result.errors } });
    log.warn(`knowledge package ${source} rejected: ${result.errors.length} problem(s): ${result.errors.slice(0, 5).join('; ')}`);
  } else {
    useKnowledge.setState({ rejected: undefined });
    if (result.status === 'imported') log.info(`knowledge package ${source} imported: ${result.articles} articles`);
  }
}

/** A worker started before the policy is known, already opening the persisted index. */
interface Prestarted {
  client: KnowledgeClient;
  opened: Promise<KnowledgeStatus>;
  stop(): void;
}

let prestarted: Prestarted | undefined;

/**
 * Starts the knowledge worker and its index load at once, before the policy and the rest of start-up:
 * reading a large persisted index takes longer than the desk's start, so both run side by side and the
 * first search is answered as soon as the desk shows. Opening needs nothing from the policy; startKnowledge
 * takes this worker over, and an invalid policy stops it (abandonKnowledge).
 */
export function prestartKnowledge(start: () => WorkerLike & Pick<Worker, 'terminate'> = startKnowledgeWorker): void {
  if (prestarted) return;
  try {
    const worker = start();
    const client = createKnowledgeClient(worker);
    const opened = client.call('open', {});
    // Whoever takes the worker over sees the failure; an abandoned one must not report it as unhandled.
    opened.catch(() => undefined);
    prestarted = { client, opened, stop: () => worker.terminate() };
  } catch (error) {
    log.warn('knowledge worker could not be started early; it starts with the desk', error);
  }
}

/** Stops a prestarted worker the desk will not use (an invalid policy, a tab that handed its dial off). */
export function abandonKnowledge(): void {
  prestarted?.stop();
  prestarted = undefined;
}

/**
 * Starts the knowledge worker and background work for a valid policy.
 * @returns a function that runs one sync now (for tests and the online event)
 */
export function startKnowledge(policy: Policy, host: LingxiApi, deps: KnowledgeServiceDeps = {}): () => Promise<void> {
  const { syncUrl, syncMinutes, maxPackageMb, remoteContentHosts, feedbackExport } = policy.knowledge;
  const target = deps.target ?? window;
  const early = deps.client ? undefined : prestarted;
  prestarted = undefined;
  let client: KnowledgeClient;
  try {
    client = deps.client ?? early?.client ?? createKnowledgeClient(startKnowledgeWorker());
  } catch (error) {
    useKnowledge.setState({ phase: 'failed', error: errorMessage(error) });
    return async () => undefined;
  }
  useKnowledge.setState({
    phase: 'loading',
    syncConfigured: Boolean(syncUrl),
    remoteHosts: remoteContentHosts,
    feedbackExport,
    actions: {
      search: (query) => client.call('search', { query, limit: 10 }),
      article: (id) => client.call('article', { id }),
    },
  });
  // Queries kept while the policy had the feedback loop on do not outlive it being turned off.
  if (!feedbackExport) drop(clearFeedback(), log, 'deleting kept search feedback');
  target.addEventListener('online', () => useKnowledge.setState({ online: true }));
  target.addEventListener('offline', () => useKnowledge.setState({ online: false }));

  let syncing: Promise<void> | undefined;
  const sync = (): Promise<void> => {
    if (!syncUrl) return Promise.resolve();
    // One run at a time: a timer tick during a long sync must not fetch the same delta twice.
    syncing ??= client
      .call('sync', { url: syncUrl, maxBytes: megabytes(maxPackageMb) })
      .then((outcome) => {
        applyStatus(outcome.kb);
        useKnowledge.setState({ syncError: undefined, skipped: outcome.skipped });
        if (outcome.skipped.length) log.warn(`knowledge sync skipped ${outcome.skipped.length} problem(s): ${outcome.skipped.slice(0, 5).join('; ')}`);
      })
      .catch((error: unknown) => {
        useKnowledge.setState({ syncError: errorMessage(error) });
        log.warn('knowledge sync failed', error);
      })
      .finally(() => (syncing = undefined));
    return syncing;
  };

  void (early?.opened ?? client.call('open', {}))
    .then((status) => {
      applyStatus(status);
      useKnowledge.setState({ phase: 'ready' });
      return importPackage(client, host).catch((error: unknown) => {
        // The knowledge base already loaded stays searchable; the failed import shows like a rejected package.
        useKnowledge.setState({ rejected: { source: DEFAULT_PACKAGE_SOURCE, errors: [errorMessage(error)] } });
      });
    })
    .then(() => sync())
    .catch((error: unknown) => {
      useKnowledge.setState({ phase: 'failed', error: errorMessage(error) });
      log.error('knowledge search failed to start', error);
    });
  if (syncUrl) {
    (deps.setInterval ?? setInterval)(() => void sync(), syncMinutes * 60_000);
    target.addEventListener('online', () => void sync());
  }
  return sync;
}
