/**
 * Asks before quitting (or closing the window, which quits) while a call is up: the renderer holds the
 * call, so quitting hangs up on the customer. The dialog is injected so tests can answer it.
 */
import type { MessageBoxOptions } from 'electron';

export interface QuitConfirmationDeps {
  /** Whether a call is up: the state the renderer reports through power:set-call-active. */
  isCallActive: () => boolean;
  /** dialog.showMessageBox, modal to the main window when there is one. */
  showMessageBox: (options: MessageBoxOptions) => Promise<{ response: number }>;
  /** app.getLocale (valid only once the app is ready): the dialog speaks Chinese to a Chinese system, English otherwise. */
  locale: () => string;
}

const TEXT = {
  zh: {
    message: '正在通话中。退出会挂断客户的电话。',
    detail: '请先结束通话再退出灵犀。',
    stay: '继续通话',
    quit: '挂断并退出',
  },
  en: {
    message: 'A call is in progress. Quitting hangs up on the customer.',
    detail: 'End the call first, then quit Lingxi.',
    stay: 'Stay on the call',
    quit: 'Hang up and quit',
  },
} as const;

/** The dialog's buttons, in order: the default and the Esc answer is to stay. */
const STAY = 0;
const QUIT = 1;

/**
 * Creates the quit flow's confirmQuit: resolves true at once when no call is up, otherwise asks and
 * resolves true only when the agent chose to hang up and quit.
 */
export function createQuitConfirmation({ isCallActive, showMessageBox, locale }: QuitConfirmationDeps): () => Promise<boolean> {
  return async () => {
    if (!isCallActive()) return true;
    const text = locale().toLowerCase().startsWith('zh') ? TEXT.zh : TEXT.en;
    const { response } = await showMessageBox({
      type: 'warning',
      title: 'Lingxi',
      message: text.message,
      detail: text.detail,
      buttons: [text.stay, text.quit],
      defaultId: STAY,
      cancelId: STAY,
      noLink: true,
    });
    // The call may have ended while the dialog was open; the agent's answer stands either way.
    return response === QUIT;
  };
}
