/** CPU time of processes from Linux /proc, for the bench's CPU figures (recording overhead, speech rtf). */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * Pids of the running processes whose command line satisfies `match`. The command line is given as one
 * string, arguments separated and ended by a space: Chromium's child processes rewrite their title into
 * a single space-joined string, so the NUL-separated form cannot be relied on.
 */
export function findPids(match: (commandLine: string) => boolean): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const commandLine = `${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trimEnd()} `;
      if (match(commandLine)) pids.push(Number(pid));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

/** User + system CPU seconds so far of these processes (one that has ended counts 0). */
export function cpuSeconds(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the ")" closing the command name: state is field 3, utime 14 and stime 15.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * CPU seconds so far per thread name (Linux truncates names to 15 characters) over these processes'
 * threads: where a process's time goes, for the bench's diagnostics.
 */
export function threadCpuSeconds(pids: readonly number[]): Map<string, number> {
  const byName = new Map<string, number>();
  for (const pid of pids) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
        byName.set(name, (byName.get(name) ?? 0) + seconds);
      } catch {
        // The thread ended meanwhile.
      }
    }
  }
  return byName;
}
