/**
 * The Electron launcher of the speech service with a fake utilityProcess.fork and fake timers: what the
 * renderer gets from `speech:endpoint` while the service starts, runs, crashes, is reconfigured and quits.
 */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createSpeechLauncher, type ChildProcessLike, type SpeechLaunch } from '@main/features/speech/launcher';

class FakeChild extends EventEmitter implements ChildProcessLike {
  readonly posted: unknown[] = [];
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  killed = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 0));
    return true;
  }
  listening(port: number): void {
    this.emit('message', { event: 'listening', port, url: `ws://127.0.0.1:${port}/`, token: 'ignored' });
  }
  crash(code = 139): void {
    this.emit('exit', code);
  }
}

function harness() {
  const children: FakeChild[] = [];
  const serviceLines: string[] = [];
  const timers: { fn: () => void; at: number; id: number }[] = [];
  let clock = 0;
  let nextId = 0;
  const launcher = createSpeechLauncher({
    fork: (modulePath, args, options) => {
      expect({ modulePath, args, options }).toEqual({ modulePath: '/app/out/main/speech-service.js', args: [], options: { serviceName: 'Lingxi speech', stdio: 'pipe' } });
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    entryPath: '/app/out/main/speech-service.js',
    waitMs: 5000,
    backoff: { minMs: 1000, maxMs: 4000, stableMs: 60_000 },
    setTimeout: (fn, ms) => {
      const id = ++nextId;
      timers.push({ fn, at: clock + ms, id });
      return id;
    },
    clearTimeout: (id) => {
      const at = timers.findIndex((t) => t.id === id);
      if (at >= 0) timers.splice(at, 1);
    },
    now: () => clock,
    serviceLine: (level, line) => serviceLines.push(`${level} ${line}`),
  });
  /** Moves the clock, firing due timers in order. */
  const advance = (ms: number): void => {
    const until = clock + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      clock = due.at;
      due.fn();
    }
    clock = until;
  };
  return { launcher, children, advance, serviceLines, latest: () => children.at(-1) as FakeChild };
}

const launch: SpeechLaunch = { config: { engines: [{ engine: 'pocketsphinx', languages: ['en-US'] }] }, allowedOrigins: ['lingxi://app'] };

describe('speech service launcher', () => {
  it('answers "off" until the policy asks for the local service, then starts it with config, token and origin', async () => {
    const { launcher, children, latest } = harness();
    expect(await launcher.endpoint()).toMatchObject({ error: { code: 'off' } });
    expect(children).toHaveLength(0);
    launcher.configure(launch);
    const request = latest().posted[0] as { token: string; config: unknown; allowedOrigins: string[]; port: number };
    expect(request).toMatchObject({ config: launch.config, allowedOrigins: ['lingxi://app'], port: 0 });
    expect(request.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pending = launcher.endpoint();
    latest().listening(40123);
    expect(await pending).toEqual({ url: 'ws://127.0.0.1:40123/', token: request.token });
  });

  it('hands every line the service prints to the app log, stdout as info and stderr as warn, a restarted service too', async () => {
    const { launcher, serviceLines, latest } = harness();
    launcher.configure(launch);
    latest().stderr.write('{"service":"speech","event":"listening","port":40125}\n');
    latest().stdout.write('plain line\nsecond');
    latest().stdout.end();
    latest().crash(139);
    await new Promise((resolve) => setImmediate(resolve));
    expect(serviceLines).toEqual(['warn {"service":"speech","event":"listening","port":40125}', 'info plain line', 'info second']);
  });

  it('answers "timeout" when the service does not come up in time, and the endpoint once it does', async () => {
    const { launcher, advance, latest } = harness();
    launcher.configure(launch);
    const pending = launcher.endpoint();
    advance(5000);
    expect(await pending).toMatchObject({ error: { code: 'timeout' } });
    latest().listening(40124);
    expect(await launcher.endpoint()).toMatchObject({ url: 'ws://127.0.0.1:40124/' });
  });

  it('restarts a crashed service with doubling backoff and the same token, reporting the crash meanwhile', async () => {
    const { launcher, children, advance, latest } = harness();
    launcher.configure(launch);
    const token = (latest().posted[0] as { token: string }).token;
    latest().listening(40001);
    latest().crash(139);
    const meanwhile = launcher.endpoint();
    advance(999);
    expect(children).toHaveLength(1);
    advance(1);
    expect(children).toHaveLength(2);
    latest().listening(40002);
    expect(await meanwhile).toEqual({ url: 'ws://127.0.0.1:40002/', token });
    expect((latest().posted[0] as { token: string }).token).toBe(token);

    latest().crash(1);
    advance(2000);
    expect(children).toHaveLength(3);
    latest().crash(1);
    const waiting = launcher.endpoint();
    advance(4000);
    expect(children).toHaveLength(4);
    latest().crash(1);
    advance(3999);
    expect(children).toHaveLength(4);
    expect(await waiting).toMatchObject({ error: { code: 'failed', message: expect.stringContaining('exited (code 1)') } });
    advance(1);
    expect(children, 'backoff capped at 4 s').toHaveLength(5);
  });

  it('resets the backoff after a service ran stably', () => {
    const { launcher, children, advance, latest } = harness();
    launcher.configure(launch);
    latest().crash();
    advance(1000);
    latest().crash();
    advance(2000);
    expect(children).toHaveLength(3);
    latest().listening(40003);
    advance(60_000);
    latest().crash();
    advance(1000);
    expect(children, 'restarted after the minimum delay again').toHaveLength(4);
  });

  it('does not restart a service that rejected its configuration, until the policy changes', async () => {
    const { launcher, children, advance, latest } = harness();
    launcher.configure(launch);
    latest().emit('message', { event: 'failed', error: 'invalid speech service configuration: engines.0.endSilenceMs: too small' });
    expect(latest().killed).toBe(true);
    advance(120_000);
    expect(children).toHaveLength(1);
    expect(await launcher.endpoint()).toEqual({ error: { code: 'failed', message: 'invalid speech service configuration: engines.0.endSilenceMs: too small' } });
    launcher.configure({ ...launch, config: { engines: [] } });
    expect(children).toHaveLength(2);
  });

  it('keeps a running service for the same policy, restarts it for a changed one, stops it for none', async () => {
    const { launcher, children, latest } = harness();
    launcher.configure(launch);
    latest().listening(40010);
    launcher.configure({ ...launch });
    expect(children).toHaveLength(1);
    launcher.configure({ ...launch, allowedOrigins: ['lingxi://app', 'http://localhost:5173'] });
    expect(children[0]?.killed).toBe(true);
    expect(children).toHaveLength(2);
    latest().listening(40011);
    expect(await launcher.endpoint()).toMatchObject({ url: 'ws://127.0.0.1:40011/' });
    launcher.configure(null);
    expect(children[1]?.killed).toBe(true);
    expect(await launcher.endpoint()).toMatchObject({ error: { code: 'off' } });
  });

  it('kills the service on dispose and never restarts it', async () => {
    const { launcher, children, advance, latest } = harness();
    launcher.configure(launch);
    latest().listening(40020);
    launcher.dispose();
    expect(latest().killed).toBe(true);
    await Promise.resolve();
    advance(120_000);
    launcher.configure(launch);
    expect(children).toHaveLength(1);
  });
});
