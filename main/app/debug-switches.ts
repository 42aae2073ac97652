/**
 * Refuses to run a packaged build with a debugging port or pipe. `--remote-debugging-port` and
 * `--remote-debugging-pipe` are Chromium switches no fuse turns off: with one, any local process (or, bound
 * wide, anyone on the network) drives the renderer through the DevTools protocol, mid-call, with the
 * renderer's API and its secrets. `--inspect*` is already off through the enableNodeCliInspectArguments fuse;
 * it is refused here too so a wrongly fused build still says no, clearly.
 */
import type { CommandLine } from 'electron';

/** Switch names refused, as Chromium spells them (no dashes). */
export const DEBUG_SWITCHES: readonly string[] = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'inspect', 'inspect-brk', 'inspect-port', 'inspect-brk-node', 'inspect-publish-uid'];

/**
 * The names of the debugging switches among the arguments. Chromium accepts `--name`, `-name` and, on Windows, `/name`,
 * with or without `=value`, and compares names case-insensitively on Windows.
 */
export function debugSwitchesIn(argv: readonly string[], platform: NodeJS.Platform): string[] {
  const prefix = platform === 'win32' ? /^(?:--?|\/)/ : /^--?/;
  return argv
    .filter((arg) => prefix.test(arg))
    .map((arg) => arg.replace(prefix, '').split('=')[0]?.toLowerCase() ?? '')
    .filter((name) => DEBUG_SWITCHES.includes(name));
}

export interface DebugSwitchDeps {
  argv: readonly string[];
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** app.commandLine: Chromium's own parse, which also sees switches that did not come through argv. */
  commandLine: Pick<CommandLine, 'hasSwitch'>;
  /** process.stderr.write */
  writeError: (text: string) => void;
  /** app.exit */
  exit: (code: number) => void;
}

/**
 * In a packaged build with a debugging switch: writes why to stderr and exits with status 1.
 * Development runs keep them (debugging is how developers work).
 * @returns true when the app is exiting: the caller must not start anything.
 */
export function refuseDebugSwitches({ argv, platform, isPackaged, commandLine, writeError, exit }: DebugSwitchDeps): boolean {
  if (!isPackaged) return false;
  const found = new Set([...debugSwitchesIn(argv, platform), ...DEBUG_SWITCHES.filter((name) => commandLine.hasSwitch(name))]);
  if (found.size === 0) return false;
  writeError(
    `Lingxi: refusing to start with ${[...found].map((name) => `--${name}`).join(', ')}. A debugging port or pipe would let other programs ` +
      'control the app during calls. Start Lingxi without it.\n',
  );
  exit(1);
  return true;
}
