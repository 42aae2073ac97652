import type { MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createQuitConfirmation } from '@main/app/quit-confirmation';

function setup({ callActive = true, answer = 0, locale = 'en-US' } = {}) {
  const asked: MessageBoxOptions[] = [];
  const confirm = createQuitConfirmation({
    isCallActive: () => callActive,
    showMessageBox: async (options) => {
      asked.push(options);
      return { response: answer };
    },
    locale: () => locale,
  });
  return { confirm, asked };
}

describe('createQuitConfirmation', () => {
  it('quits without asking when no call is up', async () => {
    const { confirm, asked } = setup({ callActive: false });
    expect(await confirm()).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks during a call, with staying on the call as the default and the Esc answer', async () => {
    const { confirm, asked } = setup({ answer: 0 });
    expect(await confirm()).toBe(false);
    expect(asked).toHaveLength(1);
    const [options] = asked;
    expect(options?.message).toMatch(/call is in progress/);
    expect(options?.buttons).toEqual(['Stay on the call', 'Hang up and quit']);
    expect(options?.defaultId).toBe(0);
    expect(options?.cancelId).toBe(0);
  });

  it('quits during a call only when the agent chooses to hang up', async () => {
    expect(await setup({ answer: 1 }).confirm()).toBe(true);
  });

  it('speaks Chinese to a Chinese system', async () => {
    const { confirm, asked } = setup({ locale: 'zh-CN' });
    await confirm();
    expect(asked[0]?.buttons).toEqual(['继续通话', '挂断并退出']);
  });
});
