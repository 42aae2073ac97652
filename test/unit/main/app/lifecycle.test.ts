import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyCommandLineSwitches,
  claimSingleInstance,
  installQuitFlow,
  QUIT_TIMEOUT_MS,
} from '@main/app/lifecycle';

/**
 * Electron's quit semantics in miniature: quit() emits before-quit, and the app only exits when no
 * listener prevented it.
 */
class FakeApp extends EventEmitter {
  exited = false;
  quitCalls = 0;
  lock = true;
  quit() {
    this.quitCalls++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => void (prevented = true) });
    if (!prevented) this.exited = true;
  }
  requestSingleInstanceLock() {
    return this.lock;
  }
}

describe('applyCommandLineSwitches', () => {
  it('keeps background windows alive and lets the ring tone autoplay', () => {
    const switches: string[] = [];
    applyCommandLineSwitches({ appendSwitch: (name, value) => void switches.push(value ? `${name}=${value}` : name) });
    expect(switches.sort()).toEqual([
      'autoplay-policy=no-user-gesture-required',
      'disable-background-timer-throttling',
      'disable-backgrounding-occluded-windows',
      'disable-renderer-backgrounding',
    ]);
  });
});

describe('claimSingleInstance', () => {
  it('focuses the first instance when a second one starts', () => {
    const app = new FakeApp();
    const focused: string[][] = [];
    expect(claimSingleInstance(app as unknown as App, (argv) => focused.push(argv))).toBe(true);
    app.emit('second-instance', {}, ['lingxi', '--policy=x']);
    expect(focused).toEqual([['lingxi', '--policy=x']]);
  });

  it('tells the second instance to quit', () => {
    const app = new FakeApp();
    app.lock = false;
    expect(claimSingleInstance(app as unknown as App, () => undefined)).toBe(false);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('installQuitFlow', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup(rendererAlive = true) {
    const app = new FakeApp();
    const sent: string[] = [];
    let timeouts = 0;
    const flow = installQuitFlow({
      app: app as unknown as App,
      notifyRenderer: () => {
        sent.push('before-quit');
        return rendererAlive;
      },
      onTimeout: () => void timeouts++,
    });
    return { app, flow, sent, timeouts: () => timeouts };
  }

  it('holds the first quit and tells the renderer', () => {
    const { app, flow, sent } = setup();
    app.quit();
    expect(app.exited).toBe(false);
    expect(sent).toEqual(['before-quit']);
    expect(flow.state()).toBe('waiting-for-renderer');
  });

  it('quits as soon as the renderer answers quit-ready', () => {
    const { app, flow, timeouts } = setup();
    app.quit();
    vi.advanceTimersByTime(500);
    flow.quitReady();
    expect(app.exited).toBe(true);
    expect(flow.isQuitting()).toBe(true);
    vi.advanceTimersByTime(QUIT_TIMEOUT_MS);
    expect(timeouts()).toBe(0);
    expect(app.quitCalls).toBe(2);
  });

  it('quits after 2 s when the renderer never answers', () => {
    const { app, timeouts } = setup();
    app.quit();
    vi.advanceTimersByTime(QUIT_TIMEOUT_MS - 1);
    expect(app.exited).toBe(false);
    vi.advanceTimersByTime(1);
    expect(app.exited).toBe(true);
    expect(timeouts()).toBe(1);
  });

  it('does not restart the wait or re-notify on a second quit', () => {
    const { app, sent } = setup();
    app.quit();
    vi.advanceTimersByTime(1500);
    app.quit();
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(app.exited).toBe(true);
  });

  it('ignores quit-ready while no quit is under way', () => {
    const { app, flow } = setup();
    flow.quitReady();
    expect(app.quitCalls).toBe(0);
    expect(flow.state()).toBe('running');
  });

  it('quits on the next tick when there is no renderer to wait for', () => {
    const { app, timeouts } = setup(false);
    app.quit();
    expect(app.exited).toBe(false);
    vi.advanceTimersByTime(0);
    expect(app.exited).toBe(true);
    expect(timeouts()).toBe(0);
  });
});

describe('installQuitFlow with a confirmation (a call is up)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** A quit flow whose confirmQuit waits for the test to answer, like the real dialog waits for the agent. */
  function setup() {
    const app = new FakeApp();
    const sent: string[] = [];
    const answers: Array<(confirmed: boolean) => void> = [];
    const failures: Array<(error: Error) => void> = [];
    const errors: unknown[] = [];
    const flow = installQuitFlow({
      app: app as unknown as App,
      notifyRenderer: () => {
        sent.push('before-quit');
        return true;
      },
      confirmQuit: () =>
        new Promise<boolean>((resolve, reject) => {
          answers.push(resolve);
          failures.push(reject);
        }),
      onConfirmError: (error) => void errors.push(error),
    });
    return { app, flow, sent, answers, failures, errors };
  }

  it('keeps the app and the call up when the agent chooses to stay', async () => {
    const { app, flow, sent, answers } = setup();
    app.quit();
    expect(flow.state()).toBe('confirming');
    answers[0]?.(false);
    await vi.advanceTimersByTimeAsync(QUIT_TIMEOUT_MS * 2);
    expect(app.exited).toBe(false);
    expect(sent).toEqual([]);
    expect(flow.state()).toBe('running');
    // A later Quit asks again.
    app.quit();
    expect(answers).toHaveLength(2);
  });

  it('quits through the usual un-REGISTER wait when the agent confirms', async () => {
    const { app, flow, sent, answers } = setup();
    app.quit();
    expect(sent).toEqual([]);
    answers[0]?.(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['before-quit']);
    flow.quitReady();
    expect(app.exited).toBe(true);
  });

  it('asks once however often Quit is pressed while the dialog is open', () => {
    const { app, answers } = setup();
    app.quit();
    app.quit();
    app.quit();
    expect(answers).toHaveLength(1);
    expect(app.exited).toBe(false);
  });

  it('stays open when the dialog fails, and says so', async () => {
    const { app, flow, failures, errors } = setup();
    app.quit();
    failures[0]?.(new Error('no display'));
    await vi.advanceTimersByTimeAsync(QUIT_TIMEOUT_MS * 2);
    expect(app.exited).toBe(false);
    expect(flow.state()).toBe('running');
    expect(errors).toEqual([new Error('no display')]);
  });
});

