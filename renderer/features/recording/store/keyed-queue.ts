/**
 * Runs tasks one after another per key, in call order: appends to one recording commit in capture
 * order even when MediaRecorder's dataavailable handlers overlap. Different keys run independently.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Queues `task` behind every earlier task of `key`; its result (or error) is returned. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A failed task must not block the ones queued after it: chain on settlement, not success.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves once every task queued for `key` so far has settled. */
  async drain(key: string): Promise<void> {
    await this.tails.get(key);
  }
}
