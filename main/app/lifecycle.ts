/**
 * App lifecycle: Chromium switches that must be set before 'ready', the single-instance lock,
 * and the quit flow that gives the renderer time to un-REGISTER the phone.
 */
import type { App, CommandLine } from 'electron';

/**
 * Switches that keep a hidden or occluded window fully alive. The backgroundThrottling
 * webPreference alone is reported not to stop Chromium throttling timers of occluded windows,
 * which delays REGISTER refreshes and the ring tone.
 */
export const COMMAND_LINE_SWITCHES: ReadonlyArray<readonly [string, string?]> = [
  // The ring tone plays without a click: the call arrives while the agent is typing elsewhere.
  ['autoplay-policy', 'no-user-gesture-required'],
  ['disable-background-timer-throttling'],
  ['disable-renderer-backgrounding'],
  ['disable-backgrounding-occluded-windows'],
];

/** Appends COMMAND_LINE_SWITCHES. Must run before app 'ready'. */
export function applyCommandLineSwitches(commandLine: Pick<CommandLine, 'appendSwitch'>): void {
  for (const [name, value] of COMMAND_LINE_SWITCHES) {
    if (value === undefined) commandLine.appendSwitch(name);
    else commandLine.appendSwitch(name, value);
  }
}

/**
 * Takes the single-instance lock. A second launch (desktop icon clicked again, tel: link) focuses
 * the running window instead of starting a second phone that would fight over the registration.
 * @returns false when another instance holds the lock: the caller must quit.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  focusExisting: (argv: string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => focusExisting(argv));
  return true;
}

export interface QuitFlowDeps {
  app: Pick<App, 'on' | 'quit'>;
  /** Sends the 'before-quit' system event; returns false when no renderer is alive to receive it. */
  notifyRenderer: () => boolean;
  /** How long the renderer gets to un-REGISTER. */
  timeoutMs?: number;
  /** Told when the renderer did not answer in time. */
  onTimeout?: () => void;
  /**
   * Asked first, before the renderer is told (quit-confirmation.ts: a call is up). Resolving false
   * cancels the quit and the app keeps running; a rejection counts as false.
   */
  confirmQuit?: () => Promise<boolean>;
  /** Told when confirmQuit failed (the quit was cancelled). */
  onConfirmError?: (error: unknown) => void;
}

/** The state the quit flow is in; exported for the window's close handler and tests. */
export type QuitState = 'running' | 'confirming' | 'waiting-for-renderer' | 'quitting';

export interface QuitFlow {
  /** The renderer answered 'app:quit-ready'. */
  quitReady(): void;
  /** True once the app may really quit (windows may close). */
  isQuitting(): boolean;
  state(): QuitState;
}

/** Default grace period: long enough for an un-REGISTER round trip, short enough not to annoy. */
export const QUIT_TIMEOUT_MS = 2000;

/**
 * Intercepts the first before-quit: asks confirmQuit (if any), tells the renderer, then quits when it
 * answers quit-ready or after timeoutMs, whichever comes first. Later before-quit events (our own
 * app.quit()) pass.
 */
export function installQuitFlow({ app, notifyRenderer, timeoutMs = QUIT_TIMEOUT_MS, onTimeout, confirmQuit, onConfirmError }: QuitFlowDeps): QuitFlow {
  let state: QuitState = 'running';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const finish = () => {
    if (state === 'quitting') return;
    state = 'quitting';
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    app.quit();
  };

  const waitForRenderer = () => {
    state = 'waiting-for-renderer';
    const notified = notifyRenderer();
    // With no renderer to wait for, still quit from a fresh task: calling app.quit() inside the
    // before-quit it just prevented would have Electron reset its quitting flag afterwards.
    timer = setTimeout(
      () => {
        if (notified) onTimeout?.();
        finish();
      },
      notified ? timeoutMs : 0,
    );
  };

  app.on('before-quit', (event) => {
    if (state === 'quitting') return;
    event.preventDefault();
    // A second Quit while asking or waiting (impatient user) neither asks twice nor restarts the clock.
    if (state !== 'running') return;
    if (!confirmQuit) return waitForRenderer();
    state = 'confirming';
    confirmQuit().then(
      (confirmed) => {
        if (state !== 'confirming') return;
        if (confirmed) waitForRenderer();
        else state = 'running';
      },
      (error: unknown) => {
        // Without an answer the call stays up: better than dropping a customer on a dialog failure.
        if (state === 'confirming') state = 'running';
        onConfirmError?.(error);
      },
    );
  });

  return {
    quitReady() {
      // Only meaningful while we wait: a stray call must not quit a running app.
      if (state === 'waiting-for-renderer') finish();
    },
    isQuitting: () => state === 'quitting',
    state: () => state,
  };
}
