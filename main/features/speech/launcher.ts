/**
 * Electron main's side of the local speech service: runs service-entry in a utilityProcess (its own OS
 * process, so a native crash in the recogniser never takes the app down), hands it the configuration, token
 * and allowed origins, restarts it with backoff when it dies, and kills it on quit. The renderer asks for the
 * endpoint over `speech:endpoint`. Electron's utilityProcess.fork is injected (unit-tested without Electron).
 */
import { createInterface } from 'node:readline';
import type { SpeechEndpoint } from '@common/contract/speech-endpoint';
import { newSpeechToken } from './auth';
import type { LaunchReply, LaunchRequest } from './service';

/** The part of Electron's UtilityProcess the launcher uses. */
export interface ChildProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
  /** The service's output (stdio 'pipe'): its JSON log lines and whatever a native library prints. */
  stdout?: NodeJS.ReadableStream | null;
  stderr?: NodeJS.ReadableStream | null;
}

/** utilityProcess.fork, or a fake. */
export type ForkFunction = (modulePath: string, args: string[], options: { serviceName: string; stdio: 'pipe' }) => ChildProcessLike;

/** What the service should run with; null = the policy does not use the local service. */
export interface SpeechLaunch {
  /** SpeechServiceConfig input (speechServiceConfigFromPolicy). */
  config: unknown;
  /** The renderer's origins, e.g. ["lingxi://app"]. */
  allowedOrigins: string[];
}

export interface SpeechLauncherOptions {
  fork: ForkFunction;
  /** The built service-entry (out/main/speech-service.js). */
  entryPath: string;
  /** How long endpoint() waits for a starting service before answering `timeout` (default 15 s). */
  waitMs?: number;
  /** Restart backoff: doubles from minMs to maxMs; reset once a service has run for stableMs. */
  backoff?: { minMs: number; maxMs: number; stableMs: number };
  /** Timers and clock (fake ones in tests). */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  now?: () => number;
  log?: (level: 'info' | 'warn', message: string) => void;
  /** Each line the service prints (stdout: info, stderr: warn), for the app's log set. */
  serviceLine?: (level: 'info' | 'warn', line: string) => void;
}

export interface SpeechLauncher {
  /** Applies the policy: starts, restarts (changed configuration) or stops (null) the service. */
  configure(launch: SpeechLaunch | null): void;
  /** The endpoint, waiting for a starting service up to waitMs. */
  endpoint(): Promise<SpeechEndpoint>;
  /** Kills the service for good (app quit). */
  dispose(): void;
}

type State =
  | { kind: 'off' }
  | { kind: 'starting'; child: ChildProcessLike; startedAt: number }
  | { kind: 'ready'; child: ChildProcessLike; startedAt: number; url: string }
  | { kind: 'waiting'; reason: string; timer: unknown }
  | { kind: 'failed'; reason: string };

const DEFAULT_BACKOFF = { minMs: 1000, maxMs: 30_000, stableMs: 60_000 };

function isReply(message: unknown): message is LaunchReply | { event: 'failed'; error: string } {
  return typeof message === 'object' && message !== null && 'event' in message;
}

/** Creates the launcher; nothing runs until configure() gets a launch. */
export function createSpeechLauncher(options: SpeechLauncherOptions): SpeechLauncher {
  const setTimer = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimeout ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const waitMs = options.waitMs ?? 15_000;
  // One token for the launcher's life: a restarted service keeps it, only its port changes.
  const token = newSpeechToken();
  let launch: SpeechLaunch | null = null;
  let state: State = { kind: 'off' };
  let delayMs = backoff.minMs;
  let disposed = false;
  const waiters = new Set<() => void>();

  const setState = (next: State): void => {
    state = next;
    for (const wake of [...waiters]) wake();
  };

  const stopChild = (): void => {
    if (state.kind === 'starting' || state.kind === 'ready') {
      const { child } = state;
      // Set first: the exit that kill() causes must not count as a crash.
      setState({ kind: 'off' });
      child.kill();
    } else if (state.kind === 'waiting') {
      clearTimer(state.timer);
      setState({ kind: 'off' });
    }
  };

  const spawn = (): void => {
    if (!launch || disposed) return;
    const child = options.fork(options.entryPath, [], { serviceName: 'Lingxi speech', stdio: 'pipe' });
    // Piped, not inherited: a packaged app has no terminal, and IT reads the service's lines in the log set.
    for (const [stream, level] of [[child.stdout, 'info'], [child.stderr, 'warn']] as const) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => options.serviceLine?.(level, line));
    }
    const startedAt = now();
    setState({ kind: 'starting', child, startedAt });
    child.on('message', (message) => {
      if (!isReply(message) || (state.kind !== 'starting' && state.kind !== 'ready') || state.child !== child) return;
      if (message.event === 'listening') {
        setState({ kind: 'ready', child, startedAt, url: message.url });
        options.log?.('info', `speech service listening on ${message.url}`);
      } else {
        // A configuration the service rejects will be rejected again: no restart until the policy changes.
        setState({ kind: 'failed', reason: message.error });
        options.log?.('warn', `speech service could not start: ${message.error}`);
        child.kill();
      }
    });
    child.on('exit', (code) => {
      if ((state.kind !== 'starting' && state.kind !== 'ready') || state.child !== child) return;
      if (now() - startedAt >= backoff.stableMs) delayMs = backoff.minMs;
      const reason = `the speech service exited (code ${code}); restarting in ${Math.round(delayMs / 1000)} s`;
      options.log?.('warn', reason);
      const timer = setTimer(spawn, delayMs);
      delayMs = Math.min(delayMs * 2, backoff.maxMs);
      setState({ kind: 'waiting', reason, timer });
    });
    const request: LaunchRequest = { config: launch.config, token, allowedOrigins: launch.allowedOrigins, port: 0 };
    child.postMessage(request);
  };

  const current = (): SpeechEndpoint | null => {
    switch (state.kind) {
      case 'ready':
        return { url: state.url, token };
      case 'off':
        return { error: { code: 'off', message: 'the policy does not use the local speech service (transcription.provider)' } };
      case 'failed':
        return { error: { code: 'failed', message: state.reason } };
      default:
        return null;
    }
  };

  return {
    configure(next) {
      if (disposed) return;
      const same = next && launch && JSON.stringify(next) === JSON.stringify(launch);
      if (same && state.kind !== 'failed') return;
      stopChild();
      launch = next;
      delayMs = backoff.minMs;
      if (launch) spawn();
      else setState({ kind: 'off' });
    },
    endpoint() {
      const ready = current();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => {
        const timer = setTimer(() => {
          waiters.delete(check);
          // A crashed service waiting for its restart is a failure the agent should hear about, not a slow start.
          const answer: SpeechEndpoint =
            state.kind === 'waiting' ? { error: { code: 'failed', message: state.reason } } : { error: { code: 'timeout', message: 'the speech service is still starting' } };
          resolve(current() ?? answer);
        }, waitMs);
        const check = (): void => {
          const answer = current();
          if (!answer) return;
          waiters.delete(check);
          clearTimer(timer);
          resolve(answer);
        };
        waiters.add(check);
      });
    },
    dispose() {
      disposed = true;
      stopChild();
      launch = null;
    },
  };
}
