import { describe, expect, it } from 'vitest';
import { CliError, parseCliArgs } from '@main/web-host/cli';

describe('parseCliArgs', () => {
  it('reads --policy and --port in both spellings, resolving the policy against cwd', () => {
    expect(parseCliArgs(['--policy', 'p.json', '--port', '0'], '/work')).toEqual({ policyPath: '/work/p.json', port: 0, help: false });
    expect(parseCliArgs(['--policy=/etc/p.json', '--port=8080'], '/work')).toEqual({ policyPath: '/etc/p.json', port: 8080, help: false });
  });

  it('defaults the port to 5173', () => {
    expect(parseCliArgs(['--policy', 'p.json'], '/w').port).toBe(5173);
  });

  it.each([
    [[], /missing required option --policy/],
    [['--policy'], /--policy.*argument missing/],
    [['--policy', 'p.json', '--bogus'], /Unknown option '--bogus'/],
    [['--policy', 'p.json', 'extra'], /Unexpected argument 'extra'/],
    [['--policy', 'p.json', '--port', 'abc'], /--port must be an integer/],
    [['--policy', 'p.json', '--port', '70000'], /--port must be an integer/],
    [['--policy', 'p.json', '--port', '-1'], /./],
  ] as const)('rejects %j', (args, message) => {
    let caught: unknown;
    try {
      parseCliArgs(args, '/w');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as Error).message).toMatch(message);
  });

  it('accepts --help without a policy', () => {
    expect(parseCliArgs(['--help'], '/w').help).toBe(true);
  });
});
