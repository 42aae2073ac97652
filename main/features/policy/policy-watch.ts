/**
 * Watches the policy sources and says when the policy in force would change: fs.watch on each source's
 * folder (only the policy's own file names count, so log writes in userData are ignored), debounced, plus a
 * poll (the registry has nothing to watch without a native module, and a folder IT creates later cannot be
 * watched before it exists). A reload whose result differs from the last one seen (another SHA-256, or
 * valid ↔ invalid, or other problems) is reported; applying it is the renderer's decision (between calls).
 */
import { basename, dirname } from 'node:path';
import type { PolicyLoadResult } from '@common/contract/policy';
import { policyIdentity } from '@common/contract/policy-canonical';

export const WATCH_DEBOUNCE_MS = 500;
export const WATCH_POLL_MS = 60_000;

export interface PolicyWatchDeps {
  /** The files (and registry-free flag files) whose change may change the policy. */
  files: readonly string[];
  /** fs.watch on a folder; the listener gets the changed file's name (null when the OS does not say). Throws when the folder is missing. */
  watchFolder(folder: string, listener: (fileName: string | null) => void): { close(): void };
  load(): Promise<PolicyLoadResult>;
  /** A reload gave another result than the last one seen. */
  onChange(result: PolicyLoadResult): void;
  onError?(error: unknown): void;
  debounceMs?: number;
  pollMs?: number;
}

export interface PolicyWatch {
  /** The result the renderer runs on now (policy:load), the baseline changes are measured against. */
  setCurrent(result: PolicyLoadResult): void;
  stop(): void;
}


export function watchPolicy(deps: PolicyWatchDeps): PolicyWatch {
  const debounceMs = deps.debounceMs ?? WATCH_DEBOUNCE_MS;
  const names = new Map<string, Set<string>>();
  for (const file of deps.files) {
    const folder = dirname(file);
    names.set(folder, (names.get(folder) ?? new Set()).add(basename(file)));
  }
  const watchers = new Map<string, { close(): void }>();
  let current: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let loading = false;
  let again = false;
  let stopped = false;

  const check = async (): Promise<void> => {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      const result = await deps.load();
      const identity = policyIdentity(result);
      if (!stopped && current !== undefined && identity !== current) {
        current = identity;
        deps.onChange(result);
      }
    } catch (error) {
      deps.onError?.(error);
    } finally {
      loading = false;
      if (again && !stopped) {
        again = false;
        void check();
      }
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), debounceMs);
  };
  const watchFolders = (): void => {
    for (const [folder, files] of names) {
      if (watchers.has(folder)) continue;
      try {
        watchers.set(folder, deps.watchFolder(folder, (name) => (name === null || files.has(name) ? schedule() : undefined)));
      } catch {
        // Missing folder: the poll picks up a policy placed there later, and retries the watch.
      }
    }
  };
  watchFolders();
  const poll = setInterval(() => {
    watchFolders();
    void check();
  }, deps.pollMs ?? WATCH_POLL_MS);

  return {
    setCurrent(result) {
      current = policyIdentity(result);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(poll);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
