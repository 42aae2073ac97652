/**
 * One demo at a time per user: a lock file in the OS temp directory holding the running demo's pid and
 * desk address. A second `npm run demo` finds it, sees the pid alive and says where the first one is.
 * A lock left by a demo that was killed (pid gone) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface DemoLock {
  pid: number;
  deskUrl: string;
}

export const lockPath = (): string => join(tmpdir(), `lingxi-demo-${userInfo().uid}.lock`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The demo already running, if any. */
export function runningDemo(path = lockPath()): DemoLock | undefined {
  try {
    const lock = JSON.parse(readFileSync(path, 'utf8')) as DemoLock;
    return lock.pid !== process.pid && alive(lock.pid) ? lock : undefined;
  } catch {
    return undefined; // no lock, or an unreadable one: nobody holds it
  }
}

export function writeLock(lock: DemoLock, path = lockPath()): void {
  writeFileSync(path, JSON.stringify(lock));
}

export function removeLock(path = lockPath()): void {
  if (runningDemo(path) === undefined) rmSync(path, { force: true });
}
