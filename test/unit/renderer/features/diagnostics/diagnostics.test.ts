/**
 * The renderer's part of Export diagnostics and the browser host's zip: what is collected from the store and
 * the browser (ids hashed, no numbers or names, no audio), and the zip the page downloads, read back: its
 * files, the policy's sources, the page's log, and no planted secret in any byte.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rendererDiagnosticsSchema } from '@common/diagnostics/diagnostics-contract';
import { DIAGNOSTICS_FILES } from '@common/diagnostics/diagnostics-zip';
import { parsePolicy } from '@common/contract/policy';
import { createAppStore } from '@renderer/app/store';
import type { CallHistoryEntry } from '@renderer/db/schema';
import { collectRendererDiagnostics, hashId } from '@renderer/features/diagnostics/collect';
import { trackRegistration } from '@renderer/features/diagnostics/registration-history';
import { createBrowserDiagnostics } from '@renderer/platform/browser-diagnostics';

const SIP_PASSWORD = 'Pw-Sip-web-4c2b1a';
const CARD = '4111 1111 1111 1111';
const CRM_TOKEN = 'crm-token-7d6e5f4a';

const call = (n: number): CallHistoryEntry => ({
  id: `call-${n}`, direction: 'incoming', number: '13800138000', displayName: 'Wang Fang', startedAt: 1_765_100_000_000 + n, endedAt: 1_765_100_060_000 + n,
  durationMs: 60_000, outcome: 'answered', cause: n === 0 ? '486 Busy Here' : 'BYE',
  // A row the phone wrote without a cause (seen end to end): diagnostics must still export.
  ...(n === 1 ? { cause: undefined as unknown as string } : {}),
});

async function collect() {
  const store = createAppStore();
  const history = trackRegistration(store, () => 1_765_100_000_000);
  store.getState().setRegistration({ state: 'registered', server: 'ws://127.0.0.1:5066' });
  store.getState().setRegistration({ state: 'failed', reason: 'network' });
  history.stop();
  const part = await collectRendererDiagnostics(store.getState(), {
    registration: history.events,
    recentCalls: async (limit) => Array.from({ length: 30 }, (_, n) => call(n)).slice(0, limit),
    enumerateDevices: async () => [
      { kind: 'audioinput', label: 'Jabra Evolve 40', deviceId: 'raw-device-id-1', groupId: 'raw-group-1' },
      { kind: 'videoinput', label: 'Camera', deviceId: 'cam', groupId: 'g' },
    ],
    storageEstimate: async () => ({ usage: 1000, quota: 2000 }),
    page: { host: 'browser', language: 'en' },
  });
  return part;
}

describe('the renderer’s diagnostics', () => {
  it('collects registration changes, the last 20 calls without numbers or names, hashed device ids and the cache state', async () => {
    const part = await collect();
    expect(rendererDiagnosticsSchema.parse(part)).toEqual(part);
    expect(part.registration.map((event) => event.state)).toEqual(['unregistered', 'registered', 'failed']);
    expect(part.registration[2]).toMatchObject({ reason: 'network' });
    expect(part.calls).toHaveLength(20);
    expect(part.calls[0]).toEqual({ startedAt: 1_765_100_000_000, endedAt: 1_765_100_060_000, direction: 'incoming', outcome: 'answered', sipResponse: '486 Busy Here', durationMs: 60_000 });
    expect(part.calls[1]?.sipResponse).toBe('');
    expect(JSON.stringify(part)).not.toMatch(/13800138000|Wang Fang|raw-device-id-1|raw-group-1/);
    expect(part.audioDevices).toEqual([{ kind: 'audioinput', label: 'Jabra Evolve 40', deviceIdHash: await hashId('raw-device-id-1'), groupIdHash: await hashId('raw-group-1') }]);
    expect(part.audioDevices[0]?.deviceIdHash).toMatch(/^[0-9a-f]{16}$/);
    expect(part.recordingCache).toMatchObject({ recordings: 0, audioBytes: 0, storageUsageBytes: 1000, storageQuotaBytes: 2000 });
  });

  it('builds the browser host’s zip in the page: expected files, the served file as each set value’s source, the page log, no secret', async () => {
    const document = { sip: { servers: ['ws://127.0.0.1:5066'], uri: 'sip:8001@127.0.0.1', password: SIP_PASSWORD }, recording: { mode: 'off' } };
    const downloads: Array<{ name: string; zip: Uint8Array }> = [];
    const diagnostics = createBrowserDiagnostics({ version: () => '0.1.0', heldSecrets: () => [CRM_TOKEN, null], download: (name, zip) => void downloads.push({ name, zip }) });
    diagnostics.policyLoaded(parsePolicy(document, '/policy.json'), document);
    diagnostics.log({ level: 'info', scope: 'phone', message: `registered with ${SIP_PASSWORD}` });
    diagnostics.log({ level: 'warn', scope: 'crm', message: `token ${CRM_TOKEN} refused`, error: `Error: card ${CARD}` });
    const result = await diagnostics.export(await collect());
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, saved: expect.stringMatching(/^lingxi-diagnostics-\d{8}-\d{6}\.zip$/) });
    const entries = unzipSync(downloads[0]?.zip ?? new Uint8Array());
    expect(Object.keys(entries)).toEqual([...DIAGNOSTICS_FILES, 'logs/page.log']);
    for (const [name, bytes] of Object.entries(entries)) {
      for (const secret of [SIP_PASSWORD, CRM_TOKEN, CARD, CARD.replaceAll(' ', '')]) expect(Buffer.from(bytes).indexOf(secret), `${secret} in ${name}`).toBe(-1);
    }
    const policy = JSON.parse(strFromU8(entries['policy.json'] as Uint8Array)) as { values: Array<{ path: string; value: unknown; source: string }> };
    expect(policy.values).toContainEqual({ path: 'sip.password', value: '••••', source: '/policy.json' });
    expect(policy.values).toContainEqual({ path: 'recording.mode', value: 'off', source: '/policy.json' });
    expect(policy.values).toContainEqual({ path: 'sip.registerExpires', value: 300, source: 'default' });
    const log = strFromU8(entries['logs/page.log'] as Uint8Array).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(log).toEqual([
      expect.objectContaining({ level: 'info', source: 'renderer', scope: 'phone', msg: 'registered with [REDACTED]' }),
      expect.objectContaining({ level: 'warn', scope: 'crm', msg: 'token [REDACTED] refused', error: 'Error: card [REDACTED-CARD]' }),
    ]);
  });
});
