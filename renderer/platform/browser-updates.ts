/**
 * The browser host's updates: it cannot update itself (IT updates the web host), but it reads the kill switch
 * file the policy's `updates.url` names (the server must allow this page's origin by CORS) and reports the
 * verdict like Electron does, so a blocked version shows the banner and stops taking calls here too.
 */
import type { LingxiApi } from '@common/contract/api';
import type { UpdatesPolicy } from '@common/contract/policy-updates';
import { readControlFile } from '@common/updates/control-file';
import { createUpdateController, type UpdateController } from '@common/updates/update-controller';
import type { UpdateStatus } from '@common/updates/update-status';

/** The updates part of the browser host; configure() with each policy loaded. */
export function createBrowserUpdates(version: () => string): { api: LingxiApi['updates']; configure(policy: UpdatesPolicy | undefined): void } {
  const listeners = new Set<(status: UpdateStatus) => void>();
  let controller: UpdateController | undefined;
  return {
    api: {
      status: async () => controller?.status() ?? null,
      onStatus(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      // Nothing installs here, so what the desk is doing does not matter.
      setDesk: async () => undefined,
    },
    configure(policy) {
      controller?.stop();
      controller = undefined;
      const url = policy?.url;
      if (!policy || !url) return;
      controller = createUpdateController({
        policy,
        version: version(),
        readControl: () => readControlFile((input, init) => fetch(input, { ...init, cache: 'no-store' }), url),
        clock: {
          now: () => new Date(),
          every(ms, fn) {
            const timer = setInterval(fn, ms);
            return () => clearInterval(timer);
          },
        },
        onStatus: (status) => listeners.forEach((listener) => listener(status)),
        log: {
          info: (message) => console.info(`[updates] ${message}`),
          warn: (message, error) => console.warn(`[updates] ${message}`, error ?? ''),
        },
      });
      void controller.start();
    },
  };
}
