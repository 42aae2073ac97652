import { describe, expect, it, vi } from 'vitest';
import { isStorageRefusal, storageBack, writeWhileRefused } from '@renderer/db/storage-refusal';

const backingStore = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
const closed = Object.assign(new Error(`UnknownError ${backingStore.message}`), { name: 'DatabaseClosedError', inner: backingStore });

describe('isStorageRefusal', () => {
  it('finds a quota or I/O refusal anywhere in the chain, and nothing else', () => {
    expect(isStorageRefusal(new DOMException('quota', 'QuotaExceededError'))).toBe(true);
    expect(isStorageRefusal(closed)).toBe(true);
    expect(isStorageRefusal(new Error('x', { cause: backingStore }))).toBe(true);
    expect(isStorageRefusal(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isStorageRefusal(new TypeError('bug'))).toBe(false);
    expect(isStorageRefusal('UnknownError')).toBe(false);
  });
});

describe('writeWhileRefused', () => {
  it('writes again while the storage refuses, says so once, and returns what the write returned', async () => {
    const write = vi.fn().mockRejectedValueOnce(new DOMException('aborted', 'AbortError')).mockRejectedValueOnce(closed).mockResolvedValue(7);
    const refused = vi.fn();
    const saved = vi.fn();
    await expect(writeWhileRefused(write, { refused, saved, delayMs: () => 1 })).resolves.toBe(7);
    expect(write).toHaveBeenCalledTimes(3);
    expect(refused).toHaveBeenCalledOnce();
    expect(saved).toHaveBeenCalledWith(3);
  });

  it('tries again at once when a database reopens (space is back), not at the end of its wait', async () => {
    const write = vi.fn().mockRejectedValueOnce(closed).mockResolvedValue('in');
    const done = writeWhileRefused(write, { delayMs: () => 60_000 });
    await vi.waitFor(() => expect(write).toHaveBeenCalledOnce());
    await new Promise((resolve) => setTimeout(resolve, 20)); // the refusal is taken and the wait begins
    storageBack();
    await expect(done).resolves.toBe('in');
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('throws any other error at once, and a refusal once it has tried long enough', async () => {
    const bug = vi.fn().mockRejectedValue(new TypeError('bug'));
    await expect(writeWhileRefused(bug, { delayMs: () => 1 })).rejects.toThrow('bug');
    expect(bug).toHaveBeenCalledOnce();
    let clock = 0;
    const full = vi.fn(() => {
      clock += 400;
      return Promise.reject(closed);
    });
    await expect(writeWhileRefused(full, { delayMs: () => 1, giveUpAfterMs: 1_000, now: () => clock })).rejects.toBe(closed);
    expect(full).toHaveBeenCalledTimes(3);
  });

  it('counts an attempt that hangs (a write Chromium leaves pending on a full disk) as refused, and tries again', async () => {
    const write = vi.fn().mockReturnValueOnce(new Promise(() => undefined)).mockResolvedValue('in');
    await expect(writeWhileRefused(write, { delayMs: () => 1, attemptTimeoutMs: 20 })).resolves.toBe('in');
    expect(write).toHaveBeenCalledTimes(2);
  });
});
