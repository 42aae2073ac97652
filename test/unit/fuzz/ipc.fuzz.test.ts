/**
 * Every IPC channel's arguments, fuzzed through main's registry (main/ipc/register.ts): valid arguments
 * reach the handler unchanged; random and boundary values are refused with an IpcRejectedError that names
 * the channel and the argument's path, and nothing else ever escapes (main never throws).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOriginCheck } from '@main/app/origin';
import { createIpcRegistry, IpcRejectedError } from '@main/ipc/register';
import { invokeChannels, type InvokeChannel } from '@common/contract/ipc';
import { channelArbitraries, contractChannels } from './ipc-arbitraries';
import { fuzzAsync } from './fuzz-params';
import { hostileValue, mutated } from './hostile';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** main's registry with every channel handled by a recorder, invoked as the renderer's ipcRenderer would. */
function registryUnderTest() {
  const listeners = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => void listeners.set(channel, listener),
    removeHandler: (channel: string) => void listeners.delete(channel),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
  const rejected: string[] = [];
  const registry = createIpcRegistry({ ipcMain, isTrusted: createOriginCheck(undefined), onReject: (channel, reason) => rejected.push(`${channel}: ${reason}`) });
  const received: unknown[][] = [];
  for (const channel of contractChannels) registry.handle(channel, ((...args: unknown[]) => void received.push(args)) as never);
  const event = { sender: { id: 1 }, senderFrame: { url: 'lingxi://app/index.html' } } as unknown as IpcMainInvokeEvent;
  const invoke = async (channel: InvokeChannel, args: unknown[]) => listeners.get(channel)?.(event, ...args);
  return { invoke, received, rejected };
}

/** The outcome of one call: it reached the handler, or was refused with IpcRejectedError; anything else fails. */
async function outcome(invoke: () => Promise<unknown>): Promise<'handled' | IpcRejectedError> {
  try {
    await invoke();
    return 'handled';
  } catch (error) {
    if (error instanceof IpcRejectedError) return error;
    throw new Error(`main threw something other than IpcRejectedError: ${String(error)}`, { cause: error });
  }
}

const channel = fc.constantFrom(...contractChannels);

/** Arguments as a hostile or buggy renderer sends them: random values, or a valid call with one value changed. */
const hostileArgs = (name: InvokeChannel): fc.Arbitrary<unknown[]> =>
  fc.oneof(
    fc.array(hostileValue, { maxLength: 3 }),
    mutated(channelArbitraries[name]).map((args) => (Array.isArray(args) ? args : [args])),
  );

describe('IPC arguments (fuzzed)', { timeout: 30_000 }, () => {
  it('has an arbitrary for every channel of the contract, and none for a channel that is gone', () => {
    expect(Object.keys(channelArbitraries).sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('hands valid arguments of every channel to its handler as sent', async () => {
    const { invoke, received } = registryUnderTest();
    await fuzzAsync(
      fc.asyncProperty(channel.chain((name) => fc.tuple(fc.constant(name), channelArbitraries[name])), async ([name, args]) => {
        received.length = 0;
        expect(await outcome(() => invoke(name, args as unknown[]))).toBe('handled');
        expect(received).toEqual([args]);
      }),
      300,
    );
  });

  it('refuses random and boundary arguments with an error naming the channel and the path, and never throws otherwise', async () => {
    const { invoke, received } = registryUnderTest();
    await fuzzAsync(
      fc.asyncProperty(channel.chain((name) => fc.tuple(fc.constant(name), hostileArgs(name))), async ([name, args]) => {
        received.length = 0;
        const result = await outcome(() => invoke(name, args));
        if (result === 'handled') {
          // Accepted: then the schema really holds for what the handler got, and nothing polluted a prototype.
          expect(invokeChannels[name].args.safeParse(received[0]).success).toBe(true);
        } else {
          expect(result.message).toMatch(new RegExp(`^${name}: invalid arguments: (\\(root\\)|\\[\\d+\\])`));
          expect(result.message.length).toBeLessThanOrEqual(4000);
          expect(received).toEqual([]);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      400,
    );
  });
});
