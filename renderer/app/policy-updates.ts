/**
 * A changed policy applies between calls, never mid-call: the host says `policy-changed` (main's file watch
 * and registry poll, or the browser host's poll of /policy.json), this asks `policy.check()`, and
 * - the same policy: nothing;
 * - an invalid one: a banner says what is wrong; the policy in force stays;
 * - a valid new one: marked pending, and the page reloads as soon as no call is up and no wrap-up is left
 *   and no recording is still being written (a reload is the one way every feature — phone, recording, assist, shortcuts — re-reads the policy).
 */
import type { LingxiApi } from '@common/contract/api';
import type { PolicyLoadResult } from '@common/contract/policy';
import { isDeskBusy } from '@common/updates/update-status';
import { deskOf } from '../features/updates';
import { createLogger } from '../platform/logger';
import type { AppStore } from '../platform/store';
import type { PolicyUpdateState } from '../platform/session-slice';

const log = createLogger('policy');

export type PolicyUpdateDecision = 'unchanged' | 'invalid' | 'changed';

/** What a re-read policy means for the desk running on `runningSha256` (undefined: no valid policy runs). */
export function decidePolicyUpdate(runningSha256: string | undefined, result: PolicyLoadResult): PolicyUpdateDecision {
  if (!result.ok) return 'invalid';
  return result.sha256 !== undefined && result.sha256 === runningSha256 ? 'unchanged' : 'changed';
}

/**
 * The desk may be rebuilt: what the install rule calls idle (no call ringing, held or up, no wrap-up, no
 * recording still being written — a reload right after Hang up would cut the recording's last seconds), and
 * the agent not On call.
 */
export function isIdleForPolicy(state: Parameters<typeof deskOf>[0]): boolean {
  return !isDeskBusy(deskOf(state)) && state.agent.state.kind !== 'on-call';
}

/**
 * Follows policy changes for the desk running on `runningSha256`; `apply` rebuilds the desk (a page reload).
 * @returns the unsubscribe function
 */
export function followPolicyUpdates(host: LingxiApi, store: AppStore, runningSha256: string | undefined, apply: () => void): () => void {
  let applied = false;
  const applyWhenIdle = (): void => {
    const state = store.getState();
    if (applied || state.policyUpdate?.status !== 'pending' || !isIdleForPolicy(state)) return;
    applied = true;
    log.info('applying the changed policy now that no call or wrap-up is left');
    apply();
  };
  const set = (update: PolicyUpdateState): void => store.getState().setPolicyUpdate(update);
  const onChanged = async (): Promise<void> => {
    const result = await host.policy.check();
    switch (decidePolicyUpdate(runningSha256, result)) {
      case 'unchanged':
        set(null);
        return;
      case 'invalid':
        if (!result.ok) {
          log.warn(`the changed policy ${result.source} is invalid (${result.problems.length} problem(s)); the current one stays`);
          set({ status: 'invalid', problems: result.problems, source: result.source });
        }
        return;
      case 'changed':
        log.info('the policy changed; it applies when no call or wrap-up is left');
        set({ status: 'pending' });
        applyWhenIdle();
    }
  };
  const stopEvents = host.system.onEvent((event) => {
    if (event === 'policy-changed') onChanged().catch((error: unknown) => log.error('policy check failed', error));
  });
  const stopStore = store.subscribe(applyWhenIdle);
  return () => {
    stopEvents();
    stopStore();
  };
}
