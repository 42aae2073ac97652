/**
 * The only way main answers the renderer: `handle(channel, fn)` over the contract's invokeChannels.
 * Every call is checked twice before fn runs: the sender frame must be our own origin, and the
 * arguments must parse with the channel's zod tuple (GitHub Desktop's trusted sender, Mattermost's ipcValidate).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { formatPath } from '@common/zod-issues';
import { invokeChannels, type InvokeArgs, type InvokeChannel, type InvokeResults } from '@common/contract/ipc';
import type { OriginCheck } from '../app/origin';

type MaybePromise<T> = T | Promise<T>;
// What a handler may return: the result or a promise of it. Void channels are matched explicitly,
// otherwise TypeScript narrows their result to undefined and rejects ordinary void functions.
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- void is the type being matched here
type HandlerResult<R> = [R] extends [void] ? MaybePromise<void> : MaybePromise<R>;

/** A typed handler: receives the parsed arguments, never the raw event. */
export type ChannelHandler<C extends InvokeChannel> = (...args: InvokeArgs<C>) => HandlerResult<InvokeResults[C]>;

/** Which renderer called: its webContents id, for limits kept per renderer. */
export interface IpcSender {
  id: number;
}

/** A typed handler that is also told which renderer called. */
export type SenderChannelHandler<C extends InvokeChannel> = (sender: IpcSender, ...args: InvokeArgs<C>) => HandlerResult<InvokeResults[C]>;

export interface IpcRegistryDeps {
  /** Electron's ipcMain, injected so tests can drive it. */
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** Whether a frame URL is our own app origin. */
  isTrusted: OriginCheck;
  /** Told about every refused call, so attacks and bugs show up in the log. */
  onReject?: (channel: InvokeChannel, reason: string) => void;
}

export interface IpcRegistry {
  /** Registers fn for channel; a second registration for the same channel replaces the first. */
  handle<C extends InvokeChannel>(channel: C, fn: ChannelHandler<C>): void;
  /** As handle, for a handler that keeps something per renderer (log:write's rate limit). */
  handleFromSender<C extends InvokeChannel>(channel: C, fn: SenderChannelHandler<C>): void;
  /** Removes every handler this registry added. */
  dispose(): void;
}

/** Thrown (and so rejected in the renderer) when a call is refused. */
export class IpcRejectedError extends Error {
  override readonly name = 'IpcRejectedError';
}

/** Creates the registry main/index.ts wires every channel through. */
export function createIpcRegistry({ ipcMain, isTrusted, onReject }: IpcRegistryDeps): IpcRegistry {
  const registered = new Set<InvokeChannel>();

  const reject = (channel: InvokeChannel, reason: string): never => {
    onReject?.(channel, reason);
    throw new IpcRejectedError(`${channel}: ${reason}`);
  };

  const register = <C extends InvokeChannel>(channel: C, call: (event: IpcMainInvokeEvent, args: InvokeArgs<C>) => unknown) => {
    const schema = invokeChannels[channel].args;
    if (registered.has(channel)) ipcMain.removeHandler(channel);
    registered.add(channel);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
      // senderFrame is null once the frame navigated away or died: its call is stale, drop it.
      const frameUrl = event.senderFrame?.url;
      if (!isTrusted(frameUrl)) return reject(channel, `untrusted sender ${frameUrl ?? '(no frame)'}`);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((issue) => `${formatPath(issue.path)} ${issue.message}`).join('; ');
        return reject(channel, `invalid arguments: ${detail}`);
      }
      return call(event, parsed.data as InvokeArgs<C>);
    });
  };

  return {
    handle(channel, fn) {
      register(channel, (_event, args) => fn(...args));
    },
    handleFromSender(channel, fn) {
      register(channel, (event, args) => fn({ id: event.sender.id }, ...args));
    },
    dispose() {
      for (const channel of registered) ipcMain.removeHandler(channel);
      registered.clear();
    },
  };
}
