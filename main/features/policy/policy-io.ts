/**
 * What reading a policy needs from the OS, injected so every source is tested on any machine: files
 * (a missing file is `undefined`, not an error) and running a tool (`reg query`, `plutil`).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface RunResult {
  /** Exit code; -1 when the tool could not be started. */
  code: number;
  stdout: string;
  stderr: string;
}

export interface PolicyIo {
  /** The file's text, or undefined when it does not exist. Other failures (EACCES…) throw. */
  readText(path: string): Promise<string | undefined>;
  /** Runs a program without a shell. */
  run(command: string, args: readonly string[]): Promise<RunResult>;
}

const RUN_TIMEOUT_MS = 10_000;

/** The real thing: node:fs and child_process.execFile (no shell, hidden window on Windows, 10 s limit). */
export const nodePolicyIo: PolicyIo = {
  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
  run(command, args) {
    return new Promise((resolve) => {
      execFile(command, [...args], { timeout: RUN_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr || (error && code === -1 ? error.message : '') });
      });
    });
  },
};
