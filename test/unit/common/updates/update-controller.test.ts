/**
 * The whole decision logic against electron-updater's real updater (GenericProvider, latest.yml parsing,
 * staged rollout, sha512-checked download) and a real loopback update server; only dpkg and Electron's quit
 * are recorded instead of run (test/fixtures/updates/node-updater.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpdateServer } from '../../../fixtures/updates/update-server';
import { harness, IDLE, STAGING_ID_25, STAGING_ID_75, type Harness } from './update-harness';

let server: UpdateServer;
const open: Harness[] = [];
const start = (options: Parameters<typeof harness>[1]): Harness => {
  const h = harness(server, options);
  open.push(h);
  return h;
};
const last = (h: Harness) => h.statuses.at(-1);
const NIGHT = new Date(2026, 11, 7, 3, 0);

beforeEach(async () => {
  server = new UpdateServer();
  await server.start();
});
afterEach(async () => {
  for (const h of open.splice(0)) h.dispose();
  await server.dispose();
});

describe('updates.enabled and channels', () => {
  it('never contacts the server when updates.enabled is false', async () => {
    server.publish({ version: '1.4.3' });
    server.control({ blockedVersions: ['1.4.2'] });
    const h = start({ version: '1.4.2', policy: { enabled: false } });
    await h.controller.start();
    expect(server.requests).toEqual([]);
    expect(h.statuses).toEqual([]);
    expect(h.clock.timers.size).toBe(0);
  });

  it('stable reads latest-linux.yml and downloads the newer version, its sha512 checked', async () => {
    const { sha512 } = server.publish({ version: '1.4.3' });
    server.publish({ version: '1.5.0-pilot.1', channel: 'pilot' });
    const h = start({ version: '1.4.2' });
    await h.controller.start();
    expect(server.requests).toContain('/latest-linux.yml');
    expect(server.requests).not.toContain('/pilot-linux.yml');
    expect(last(h)).toMatchObject({ version: '1.4.2', verdict: { kind: 'allowed' }, installedBy: 'lingxi', update: { version: '1.4.3', state: 'downloaded' } });
    const cached = readFileSync(h.updater.downloadedPackage ?? '');
    expect(createHash('sha512').update(cached).digest('base64')).toBe(sha512);
  });

  it('pilot reads pilot-linux.yml', async () => {
    server.publish({ version: '1.4.3' });
    server.publish({ version: '1.5.0-pilot.1', channel: 'pilot' });
    const h = start({ version: '1.4.2', policy: { channel: 'pilot' } });
    await h.controller.start();
    expect(server.requests).toContain('/pilot-linux.yml');
    expect(last(h)?.update).toEqual({ version: '1.5.0-pilot.1', state: 'downloaded' });
  });
});

describe('a changed policy (one updater, a new controller)', () => {
  it('pilot back to stable reads latest-linux.yml again; the rollout test is electron-updater’s own again after a block', async () => {
    server.publish({ version: '1.4.3', stagingPercentage: 50 });
    server.publish({ version: '1.5.0-pilot.1', channel: 'pilot' });
    server.control({ blockedVersions: ['1.4.2'] });
    const pilot = start({ version: '1.4.2', policy: { channel: 'pilot' }, stagingId: STAGING_ID_75 });
    await pilot.controller.check();
    pilot.controller.stop();
    server.control({});
    server.requests.length = 0;
    const stable = start({ version: '1.4.2', updater: pilot.updater });
    await stable.controller.check();
    expect(server.requests).toContain('/latest-linux.yml');
    expect(server.requests).not.toContain('/pilot-linux.yml');
    // Staging id at 75 % is outside a 50 % rollout: not offered once the version is no longer blocked.
    expect(last(stable)?.update).toBeUndefined();
  });

  it('joins a check still running instead of starting a second one', async () => {
    server.publish({ version: '1.4.3' });
    const h = start({ version: '1.4.2' });
    await Promise.all([h.controller.check(), h.controller.check()]);
    expect(server.requests.filter((p) => p === '/latest-linux.yml')).toHaveLength(1);
  });
});

describe('staged rollout (stagingPercentage, by the machine’s staging id)', () => {
  it('offers the release only to machines inside the percentage', async () => {
    server.publish({ version: '1.4.3', stagingPercentage: 50 });
    const inside = start({ version: '1.4.2', stagingId: STAGING_ID_25 });
    const outside = start({ version: '1.4.2', stagingId: STAGING_ID_75 });
    await inside.controller.check();
    await outside.controller.check();
    expect(last(inside)?.update?.version).toBe('1.4.3');
    expect(last(outside)?.update).toBeUndefined();
    expect(server.requests.filter((p) => p.endsWith('.deb'))).toHaveLength(1);
  });
});

describe('install: on quit, in the window, never while the desk is busy', () => {
  it('waits for the install window, then installs silently and restarts', async () => {
    server.publish({ version: '1.4.3' });
    const h = start({ version: '1.4.2' });
    h.controller.setDesk(IDLE);
    await h.controller.start();
    expect(h.updater.installs).toEqual([]);
    h.clock.at = NIGHT;
    h.clock.fire(60_000);
    expect(h.updater.installs).toEqual([{ silent: true, runAfter: true }]);
    expect(h.updater.quitsForInstall).toBe(1);
  });

  it('window crossing midnight: installs at 23:30, not at 21:00', async () => {
    server.publish({ version: '1.4.3' });
    const h = start({ version: '1.4.2', policy: { installWindow: '22:00-02:00' }, at: new Date(2026, 11, 7, 21, 0) });
    h.controller.setDesk(IDLE);
    await h.controller.start();
    expect(h.updater.installs).toHaveLength(0);
    h.clock.at = new Date(2026, 11, 7, 23, 30);
    h.clock.fire(60_000);
    expect(h.updater.installs).toHaveLength(1);
  });

  it.each([
    ['a call', { ...IDLE, inCall: true }],
    ['wrap-up', { ...IDLE, wrapUp: true }],
    ['a recording being written or uploaded', { ...IDLE, recordingsPending: true }],
  ])('does not install during %s, and does once the desk is idle', async (_what, busy) => {
    server.publish({ version: '1.4.3' });
    const h = start({ version: '1.4.2', at: NIGHT });
    h.controller.setDesk(busy);
    await h.controller.start();
    h.clock.fire(60_000);
    expect(h.updater.installs).toHaveLength(0);
    h.controller.setDesk(IDLE);
    expect(h.updater.installs).toHaveLength(1);
  });

  it('does not install before the renderer has said what the desk is doing', async () => {
    server.publish({ version: '1.4.3' });
    const h = start({ version: '1.4.2', at: NIGHT });
    await h.controller.start();
    h.clock.fire(60_000);
    expect(h.updater.installs).toHaveLength(0);
  });

  it('installs a downloaded update when the app quits (autoInstallOnAppQuit)', async () => {
    server.publish({ version: '1.4.3' });
    const h = start({ version: '1.4.2' });
    await h.controller.start();
    h.updater.quitApp();
    expect(h.updater.installs).toEqual([{ silent: true, runAfter: false }]);
  });
});

describe('the kill switch (lingxi-control.json)', () => {
  it('a blocked version skips the rollout and installs as soon as the call is over, outside the window', async () => {
    server.publish({ version: '1.4.3', stagingPercentage: 10 });
    server.control({ blockedVersions: ['>=1.4.0 <1.4.3'], message: { en: 'Recording loss in 1.4.2' } });
    const h = start({ version: '1.4.2', stagingId: STAGING_ID_75 });
    h.controller.setDesk({ ...IDLE, inCall: true });
    await h.controller.start();
    expect(last(h)).toMatchObject({ verdict: { kind: 'blocked', range: '>=1.4.0 <1.4.3' }, message: { en: 'Recording loss in 1.4.2' }, update: { version: '1.4.3', state: 'downloaded' } });
    expect(h.updater.installs).toHaveLength(0);
    h.controller.setDesk(IDLE);
    expect(h.updater.installs).toHaveLength(1);
  });

  it('a blocked version goes back to the newest allowed one when IT republished an older release', async () => {
    server.publish({ version: '1.4.1' });
    server.control({ blockedVersions: ['1.4.2'] });
    const h = start({ version: '1.4.2' });
    await h.controller.start();
    expect(last(h)?.update).toEqual({ version: '1.4.1', state: 'downloaded' });
  });

  it('an allowed version never downgrades', async () => {
    server.publish({ version: '1.4.1' });
    const h = start({ version: '1.4.2' });
    await h.controller.start();
    expect(last(h)?.update).toBeUndefined();
  });

  it('a version below minimumVersion is too old', async () => {
    server.publish({ version: '1.4.3' });
    server.control({ minimumVersion: '1.4.0' });
    const h = start({ version: '1.3.9', selfUpdate: false });
    await h.controller.start();
    expect(last(h)).toMatchObject({ verdict: { kind: 'too-old', minimumVersion: '1.4.0' }, installedBy: 'it' });
    expect(server.requests).toEqual(['/lingxi-control.json']);
  });

  it('does not download a newest version that is blocked too, and says so', async () => {
    server.publish({ version: '1.4.3' });
    server.control({ blockedVersions: ['>=1.4.2'] });
    const h = start({ version: '1.4.2' });
    await h.controller.start();
    expect(last(h)?.update).toBeUndefined();
    expect(last(h)?.problem).toMatch(/newest version on channel stable, 1\.4\.3, is blocked by the kill switch/);
    expect(server.requests.filter((p) => p.endsWith('.deb'))).toEqual([]);
  });

  it('a downloaded version blocked later is not installed on quit or in the window', async () => {
    server.publish({ version: '1.4.3' });
    const h = start({ version: '1.4.2', at: NIGHT });
    await h.controller.start();
    server.control({ blockedVersions: ['1.4.3'] });
    await h.controller.check();
    h.controller.setDesk(IDLE);
    h.updater.quitApp();
    expect(h.updater.installs).toEqual([]);
  });

  it('no control file (404) blocks nothing', async () => {
    const h = start({ version: '1.4.2', selfUpdate: false });
    await h.controller.start();
    expect(last(h)).toEqual({ version: '1.4.2', verdict: { kind: 'allowed' }, installedBy: 'it' });
  });
});

describe('failures: clear errors, retried, nothing installed', () => {
  it('server down: says so, keeps the last verdict, and recovers at the next check', async () => {
    server.publish({ version: '1.4.3' });
    server.control({ blockedVersions: ['1.4.2'] });
    const h = start({ version: '1.4.2' });
    await h.controller.start();
    expect(last(h)?.verdict.kind).toBe('blocked');
    await server.stop();
    const before = h.statuses.length;
    h.clock.fire(30 * 60_000);
    await waitFor(() => h.statuses.length > before);
    expect(last(h)?.verdict.kind).toBe('blocked');
    expect(last(h)?.problem).toMatch(new RegExp(`kill switch ${server.url}/lingxi-control.json could not be fetched: \\w+`));
    expect(last(h)?.problem).toMatch(/update metadata at http:\/\/127\.0\.0\.1:\d+ \(channel stable\) could not be used/);
    await server.start();
    await h.controller.check();
    expect(last(h)?.problem).toBeUndefined();
  });

  it('corrupt metadata: a clear error and nothing downloaded or installed', async () => {
    server.write('latest-linux.yml', 'version: [1.4.3\nfiles: {');
    const h = start({ version: '1.4.2', at: NIGHT });
    h.controller.setDesk(IDLE);
    await h.controller.start();
    expect(last(h)?.problem).toMatch(/^update metadata at http:\/\/127\.0\.0\.1:\d+ \(channel stable\) could not be used: .*latest-linux\.yml[^\n]*$/);
    expect(last(h)?.update).toBeUndefined();
    expect(h.updater.installs).toEqual([]);
  });

  it('a package whose sha512 does not match the metadata is refused', async () => {
    server.publish({ version: '1.4.3' });
    server.write('Lingxi-1.4.3.deb', Buffer.from('tampered package'));
    const h = start({ version: '1.4.2', at: NIGHT });
    h.controller.setDesk(IDLE);
    await h.controller.start();
    expect(last(h)?.problem).toMatch(/version 1\.4\.3 could not be downloaded: .*sha512 checksum mismatch/);
    expect(last(h)?.update).toBeUndefined();
    h.updater.quitApp();
    expect(h.updater.installs).toEqual([]);
  });

  it('a corrupt or misspelt kill switch file is an error; the verdict stands', async () => {
    server.control({ blockedVersion: ['1.4.2'] });
    const h = start({ version: '1.4.2', selfUpdate: false });
    await h.controller.start();
    expect(last(h)?.problem).toMatch(/lingxi-control\.json is not valid: .*blockedVersion/);
    server.control('{ "blockedVersions": ["1.4.2"');
    await h.controller.check();
    expect(last(h)?.problem).toMatch(/lingxi-control\.json is not valid: not valid JSON at line 1/);
    expect(last(h)?.verdict.kind).toBe('allowed');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
