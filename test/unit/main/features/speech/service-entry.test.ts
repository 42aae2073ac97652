/**
 * The service as a process, launched the way the browser host will launch it: Node with tsx, a config file,
 * the token in the environment, the reply as one JSON line on stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { requestFromArgs } from '@main/features/speech/service-entry';
import { repoRoot } from '../../../../fixtures/paths';
import { sampleKbPath } from '../../../../fixtures/speech/engine-config';
import { SpeechTestClient } from '../../../../fixtures/speech/speech-client';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-speech-entry-'));
const entry = join(repoRoot, 'main/features/speech/service-entry.ts');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function launch(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return child;
}

const firstLine = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`service exited with ${code} before replying`)));
  });

const exitOf = (child: ChildProcess): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });

describe('service-entry under Node', () => {
  it('reads --config, --port and repeated --origin; the token comes from the environment', () => {
    writeFileSync(join(dir, 'c.json'), '{"maxQueueMs": 1000}');
    expect(requestFromArgs(['--config', join(dir, 'c.json'), '--port', '0', '--origin', 'http://127.0.0.1:5173', '--origin', 'lingxi://app'], { LINGXI_SPEECH_TOKEN: 't'.repeat(20) })).toEqual({
      config: { maxQueueMs: 1000 },
      port: 0,
      token: 't'.repeat(20),
      allowedOrigins: ['http://127.0.0.1:5173', 'lingxi://app'],
    });
    expect(() => requestFromArgs(['--port', 'x'], {})).toThrow('--port must be 0–65535, got x');
    expect(() => requestFromArgs(['--config', join(dir, 'none.json')], {})).toThrow(`cannot read --config ${join(dir, 'none.json')}`);
  });

  it('prints where it listens, serves the protocol with its token, and stops on SIGTERM', async () => {
    const token = 'entry-test-token-0123456789';
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ cacheDir: join(dir, 'cache'), engines: [{ engine: 'pocketsphinx', knowledgePackages: [sampleKbPath] }] }));
    const child = launch(['--config', join(dir, 'config.json')], { LINGXI_SPEECH_TOKEN: token });
    const exited = exitOf(child);
    const reply = JSON.parse(await firstLine(child)) as { event: string; url: string; token: string; port: number };
    expect(reply).toMatchObject({ event: 'listening', token, url: `ws://127.0.0.1:${reply.port}/` });
    const client = await SpeechTestClient.connect(reply.url, { token });
    client.sendJson({ type: 'start', leg: 'customer', language: 'en-US', sampleRate: 16000 });
    expect(await client.next('ready', 30_000)).toMatchObject({ engine: 'pocketsphinx' });
    child.kill('SIGTERM');
    expect((await exited).code).toBe(0);
  }, 60_000);

  it('exits with code 1 and the reason on an invalid configuration', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ engines: [{ engine: 'pocketsphinx', endSilenceMs: 1 }] }));
    const { code, stderr } = await exitOf(launch(['--config', join(dir, 'bad.json')]));
    expect(code).toBe(1);
    expect(stderr).toContain('lingxi speech: invalid speech service configuration: engines.0.endSilenceMs');
  }, 30_000);
});
