/** Electron main's side over a real loopback server: where IT installs updates, only the kill switch applies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updatesPolicySchema } from '@common/contract/policy-updates';
import type { UpdateStatus } from '@common/updates/update-status';
import { createUpdates } from '@main/features/updates/updates-wiring';
import { UpdateServer } from '../../../../fixtures/updates/update-server';

const server = new UpdateServer();
beforeAll(() => server.start());
afterAll(() => server.dispose());

function wiring(isPackaged: boolean) {
  const sent: UpdateStatus[] = [];
  const lines: string[] = [];
  const log = { debug: () => undefined, info: (m: string) => void lines.push(m), warn: (m: string) => void lines.push(m), error: (m: string) => void lines.push(m) };
  const updates = createUpdates({
    app: { isPackaged, getVersion: () => '1.4.2', getName: () => 'Lingxi' },
    fetch: (url, init) => fetch(url, init),
    send: (status) => void sent.push(status),
    log,
  });
  return { updates, sent, lines };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('updates in Electron main', () => {
  it('an install IT manages reads the kill switch only, says why, and never asks for update metadata', async () => {
    server.control({ blockedVersions: ['1.4.2'] });
    server.publish({ version: '1.4.3' });
    const { updates, sent, lines } = wiring(true);
    updates.configure(updatesPolicySchema.parse({ enabled: true, url: server.url, managedBy: 'it' }));
    await until(() => sent.length > 0);
    expect(sent.at(-1)).toEqual({ version: '1.4.2', verdict: { kind: 'blocked', range: '1.4.2' }, installedBy: 'it' });
    expect(updates.status()).toEqual(sent.at(-1));
    expect(lines).toContain('updates are installed by IT here (the policy says updates.managedBy "it"): Lingxi applies the kill switch only');
    expect(server.requests.filter((path) => path.endsWith('.yml'))).toEqual([]);
    updates.dispose();
  });

  it('updates.enabled false: nothing is fetched; no policy: no status', async () => {
    const before = server.requests.length;
    const { updates, sent } = wiring(false);
    updates.configure(updatesPolicySchema.parse({ enabled: false, url: server.url }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests.length).toBe(before);
    expect(sent).toEqual([]);
    updates.configure(undefined);
    expect(updates.status()).toBeNull();
  });
});
