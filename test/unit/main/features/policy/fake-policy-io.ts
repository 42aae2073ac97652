/** A PolicyIo for tests: some paths and commands answered from memory, the rest from the real file system. */
import { nodePolicyIo, type PolicyIo, type RunResult } from '@main/features/policy/policy-io';

export interface FakeIoOptions {
  /** path → text; null = "exists, but reading it fails with EACCES". */
  files?: Record<string, string | null>;
  /** Answers for run(); default: `reg query` says the key does not exist (exit 1), other tools fail. */
  run?: (command: string, args: readonly string[]) => RunResult;
}

/** reg.exe's answer for a missing key, as recorded on Windows 11 (exit code 1, the text on stderr). */
export const REG_KEY_MISSING: RunResult = {
  code: 1,
  stdout: '',
  stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n',
};

export function fakePolicyIo({ files = {}, run }: FakeIoOptions = {}): PolicyIo & { runs: string[][] } {
  const runs: string[][] = [];
  return {
    runs,
    async readText(path) {
      if (Object.hasOwn(files, path)) {
        const text = files[path];
        if (text === null) throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return text;
      }
      // Machine locations of every OS are absent unless a test names them (the test machine's /etc is not read).
      if (/^(C:\\|\/etc\/lingxi\/|\/Library\/)/.test(path)) return undefined;
      return nodePolicyIo.readText(path);
    },
    async run(command, args) {
      runs.push([command, ...args]);
      if (run) return run(command, args);
      return command === 'reg' ? REG_KEY_MISSING : { code: -1, stdout: '', stderr: `${command}: not found` };
    },
  };
}
