/**
 * Electron's "Export diagnostics" end to end in Node: a real policy file (with a SIP password and a CTI key),
 * real log files written by the logger and rotated, one old line written past the logger, and a renderer part
 * with planted personal data. The zip is read back with fflate: the expected files are there, and no planted
 * secret is anywhere in it, checked by scanning every byte of every entry.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RendererDiagnostics } from '@common/diagnostics/diagnostics-contract';
import { rendererDiagnosticsSchema } from '@common/diagnostics/diagnostics-contract';
import { DIAGNOSTICS_FILES } from '@common/diagnostics/diagnostics-zip';
import { policySecretValues } from '@common/contract/policy-secrets';
import { createDiagnosticsExport } from '@main/features/diagnostics/export-diagnostics';
import { collectHostDiagnostics } from '@main/features/diagnostics/host-diagnostics';
import { createLogger, logSecrets, setLogSecrets, setLogSink, writeRendererLog, writeServiceLog } from '@main/features/logging/logger';
import { openLogFiles } from '@main/features/logging/log-files';
import { createPolicyService } from '@main/features/policy/policy-service';

const SIP_PASSWORD = 'Pw-Sip-7f3e9a';
const CTI_KEY = 'HmacKey-0123456789abcdef0123456789abcdef';
const TEAM_KEY = 'MC4CAQAwBQYDK2VwBCIEIMtGm5bT3aN7gJ6v2kP0vX4vH1rR2sS3tT4uU5vV6wW7';
const CARD = '4111 1111 1111 1111';
const PHONE = '13800138000';
/** Every secret as the bytes to look for, with its other spellings. */
const PLANTED = [SIP_PASSWORD, CTI_KEY, TEAM_KEY, CARD, CARD.replaceAll(' ', ''), CARD.replaceAll(' ', '-'), PHONE, 'Bearer-tok-9c8d7e'];

const dir = mkdtempSync(join(tmpdir(), 'lingxi-diagnostics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  setLogSink(null);
  setLogSecrets([]);
});

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function rendererPart(): RendererDiagnostics {
  return rendererDiagnosticsSchema.parse({
    registration: [
      { at: 1_765_100_000_000, state: 'registering', server: `wss://8001:${SIP_PASSWORD}@pbx.bank.example/ws` },
      { at: 1_765_100_001_000, state: 'registered', server: 'wss://pbx.bank.example/ws' },
    ],
    calls: [
      { startedAt: 1_765_100_100_000, endedAt: 1_765_100_160_000, direction: 'incoming', outcome: 'completed', sipResponse: `BYE after card ${CARD}`, durationMs: 1_234_567, quality: { samples: 30, mosAverage: 4.3, mosMin: 3.9, lossMaxPercent: 0.5, jitterMaxMs: 12, rttMaxMs: 40, warned: false } },
      { startedAt: 1_765_100_000_000, endedAt: 1_765_100_010_000, direction: 'outgoing', outcome: 'busy', sipResponse: '486 Busy Here', durationMs: 0 },
    ],
    audioDevices: [{ kind: 'audioinput', label: `Headset of ${PHONE}`, deviceIdHash: '0123456789abcdef', groupIdHash: 'fedcba9876543210' }],
    deviceRoles: { microphone: { how: 'exact', deviceIdHash: '0123456789abcdef' } },
    devicePermission: 'granted',
    recordingCache: {
      recordings: 3, byState: { uploaded: 2, saved: 1 }, audioBytes: 480_000, pendingBytes: 160_000, limitBytes: 2_147_483_648, level: 'ok', chunks: 120, audioDeleted: 0,
      oldestStartedAt: 1_765_000_000_000, newestStartedAt: 1_765_100_100_000, problem: null, keyWeak: false, storagePersistent: true, storageUsageBytes: 5_000_000, storageQuotaBytes: 10_000_000_000,
    },
    page: { host: 'electron', userAgent: `Lingxi test ${TEAM_KEY}`, language: 'en', version: '0.1.0' },
  });
}

async function setUp() {
  const policyFile = join(dir, 'policy.json');
  writeFileSync(policyFile, JSON.stringify({ sip: { servers: ['ws://127.0.0.1:5066'], uri: 'sip:8001@pbx.bank.example', password: SIP_PASSWORD }, cti: { hmacKey: CTI_KEY }, logs: { maxFiles: 3 } }));
  const policy = createPolicyService({
    input: () => ({ argv: ['lingxi', `--policy=${policyFile}`], env: {}, userDataDir: join(dir, 'nowhere'), platform: 'linux', isPackaged: false, machineSources: false }),
    log: silent,
    notifyChanged: () => undefined,
    watchFolder: () => ({ close: () => undefined }),
  });
  const loaded = await policy.load();
  expect(loaded.ok).toBe(true);
  setLogSecrets(policySecretValues(loaded.ok ? loaded.policy : undefined));
  const logs = join(dir, 'logs');
  const files = openLogFiles(logs, { maxFileBytes: 4000, maxFiles: 3 });
  setLogSink(files);
  const log = createLogger('phone');
  log.info(`REGISTER sent with password ${SIP_PASSWORD}`);
  writeRendererLog({ level: 'warn', scope: 'assist', message: `customer read out ${CARD}, call back ${PHONE}` });
  writeServiceLog('speech', 'warn', JSON.stringify({ service: 'speech', event: 'final', text: `my card is ${CARD}` }));
  for (let i = 0; i < 60; i++) log.info(`filler ${i} registration registered in 120 ms`);
  log.warn(`CRM answered 401 for Authorization: Bearer Bearer-tok-9c8d7e, customer ${PHONE}`);
  await files.close();
  // A line an older version wrote unredacted: the export must catch it too.
  mkdirSync(logs, { recursive: true });
  appendFileSync(join(logs, 'lingxi.log'), `${JSON.stringify({ level: 'info', msg: `old line ${SIP_PASSWORD} ${CARD} ${PHONE} ${CTI_KEY}` })}\n`);
  return { policy, files, policyFile };
}

describe('Export diagnostics (Electron main)', () => {
  it('saves a zip with every expected file and not one byte of any planted secret', async () => {
    const { policy, files, policyFile } = await setUp();
    const saved = join(dir, 'out.zip');
    const exportDiagnostics = createDiagnosticsExport({
      collectHost: () =>
        collectHostDiagnostics({
          app: { getVersion: () => '0.1.0', getName: () => 'Lingxi', getLocale: () => 'en-US', isPackaged: false, getPath: () => join(dir, 'userData') },
          versions: { electron: '45.4.1', chrome: '142.0', node: '22.20.0' },
          os: { platform: 'linux', release: '6.1.0', arch: 'x64', version: '#1 SMP Debian', totalmemGb: 16, cpus: 2 },
          policy: () => policy.inForce(),
          logFiles: () => files.files(),
          readText: (path) => readFile(path, 'utf8'),
        }),
      secrets: logSecrets,
      chooseFile: async (name) => {
        expect(name).toMatch(/^lingxi-diagnostics-\d{8}-\d{6}\.zip$/);
        return saved;
      },
      writeFile: (path, data) => writeFile(path, data),
      now: () => new Date('2026-12-07T09:37:27Z'),
      log: silent,
    });
    const result = await exportDiagnostics(rendererPart());
    expect(result).toMatchObject({ ok: true, saved });
    const entries = unzipSync(new Uint8Array(readFileSync(saved)));
    const names = Object.keys(entries);
    expect(names).toEqual(expect.arrayContaining([...DIAGNOSTICS_FILES, 'logs/lingxi.log', 'logs/lingxi.log.1', 'logs/lingxi.log.2']));
    // Every byte of every entry, for every planted secret.
    for (const [name, bytes] of Object.entries(entries)) {
      const buffer = Buffer.from(bytes);
      for (const secret of PLANTED) expect(buffer.indexOf(Buffer.from(secret, 'utf8')), `${secret} in ${name}`).toBe(-1);
    }
    const read = (name: string) => JSON.parse(strFromU8(entries[name] as Uint8Array)) as Record<string, unknown>;
    const values = (read('policy.json') as { status: string; values: Array<{ path: string; value: unknown; source: string }> }).values;
    expect(read('policy.json').status).toBe('in-force');
    expect(values).toContainEqual({ path: 'sip.password', value: '••••', source: policyFile });
    expect(values).toContainEqual({ path: 'cti.hmacKey', value: '••••', source: policyFile });
    expect(values).toContainEqual({ path: 'logs.maxFiles', value: 3, source: policyFile });
    expect(values).toContainEqual({ path: 'logs.maxFileMb', value: 5, source: 'default' });
    expect(read('app.json')).toMatchObject({ version: '0.1.0', electron: '45.4.1', os: 'linux', createdAt: '2026-12-07T09:37:27.000Z' });
    // Figures survive: SIP responses, durations, times, quality.
    expect((read('calls.json').calls as Array<Record<string, unknown>>)[1]).toMatchObject({ sipResponse: '486 Busy Here', outcome: 'busy' });
    expect((read('calls.json').calls as Array<Record<string, unknown>>)[0]).toMatchObject({ durationMs: 1_234_567, startedAt: 1_765_100_100_000, quality: { mosAverage: 4.3 } });
    expect(read('recording-cache.json')).toMatchObject({ recordings: 3, audioBytes: 480_000, byState: { uploaded: 2, saved: 1 } });
    expect(strFromU8(entries['audio-devices.json'] as Uint8Array)).toContain('Headset of [REDACTED-PHONE …8000]');
    // The log lines are still JSON, with their times and sources, and tell what happened.
    const logLines = Object.entries(entries)
      .filter(([name]) => name.startsWith('logs/'))
      .flatMap(([, bytes]) => strFromU8(bytes).trimEnd().split('\n'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logLines.some((line) => line.source === 'renderer' && line.scope === 'assist')).toBe(true);
    expect(logLines.some((line) => line.source === 'speech' && line.msg === 'final')).toBe(true);
    expect(logLines.find((line) => String(line.msg).startsWith('filler 59'))).toMatchObject({ msg: 'filler 59 registration registered in 120 ms', level: 'info' });
  });

  it('writes nothing when the agent cancels the save dialog', async () => {
    const written: string[] = [];
    const exportDiagnostics = createDiagnosticsExport({
      collectHost: async () => ({ app: {}, policy: { status: 'not-loaded', values: [] }, logs: [] }),
      secrets: () => [],
      chooseFile: async () => undefined,
      writeFile: async (path) => void written.push(path),
      log: silent,
    });
    expect(await exportDiagnostics(rendererPart())).toEqual({ ok: false, cancelled: true });
    expect(written).toEqual([]);
  });
});
