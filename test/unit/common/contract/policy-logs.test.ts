import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@common/contract/policy';

const base = { sip: { servers: ['wss://pbx.bank.example/ws'], uri: 'sip:8001@pbx.bank.example', password: 'p' } };

describe('the logs policy section', () => {
  it('defaults to 5 MB × 5 files and takes IT’s values within range', () => {
    const defaults = parsePolicy(base, 'p.json');
    expect(defaults.ok && defaults.policy.logs).toEqual({ maxFileMb: 5, maxFiles: 5 });
    const set = parsePolicy({ ...base, logs: { maxFileMb: 1.5, maxFiles: 50 } }, 'p.json');
    expect(set.ok && set.policy.logs).toEqual({ maxFileMb: 1.5, maxFiles: 50 });
  });

  it('refuses sizes and counts out of range, naming the key', () => {
    for (const [logs, path] of [
      [{ maxFileMb: 0 }, 'logs.maxFileMb'],
      [{ maxFileMb: 101 }, 'logs.maxFileMb'],
      [{ maxFiles: 1 }, 'logs.maxFiles'],
      [{ maxFiles: 2.5 }, 'logs.maxFiles'],
      [{ maxFiles: 51 }, 'logs.maxFiles'],
      [{ level: 'debug' }, 'logs.level'],
    ] as const) {
      const result = parsePolicy({ ...base, logs }, 'p.json');
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems.map((problem) => problem.path)).toEqual([path]);
    }
  });
});
