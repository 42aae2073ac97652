import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of a file, or of every file under a directory. */
export function diskSize(path: string): number {
  const stats = statSync(path);
  return stats.isDirectory() ? readdirSync(path).reduce((total, name) => total + diskSize(join(path, name)), 0) : stats.size;
}
