import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError, parseCliArgs, runCli, type CliIo } from '@main/web-host/cli';

describe('parseCliArgs', () => {
  it('reads --policy and --port in both spellings, resolving the policy against cwd', () => {
    expect(parseCliArgs(['--policy', 'p.json', '--port', '0'], '/work')).toEqual({ policyPath: '/work/p.json', port: 0, help: false });
    expect(parseCliArgs(['--policy=/etc/p.json', '--port=8080'], '/work')).toEqual({ policyPath: '/etc/p.json', port: 8080, help: false });
  });

  it('defaults the port to 5173', () => {
    expect(parseCliArgs(['--policy', 'p.json'], '/w').port).toBe(5173);
  });

  it('reads how often the page re-reads the policy', () => {
    expect(parseCliArgs(['--policy', 'p.json', '--policy-poll-seconds', '60'], '/w').policyPollSeconds).toBe(60);
    expect(parseCliArgs(['--policy', 'p.json'], '/w')).not.toHaveProperty('policyPollSeconds');
  });

  it.each([
    [[], /missing required option --policy/],
    [['--policy'], /--policy.*argument missing/],
    [['--policy', 'p.json', '--bogus'], /Unknown option '--bogus'/],
    [['--policy', 'p.json', 'extra'], /Unexpected argument 'extra'/],
    [['--policy', 'p.json', '--port', 'abc'], /--port must be an integer/],
    [['--policy', 'p.json', '--port', '70000'], /--port must be an integer/],
    [['--policy', 'p.json', '--port', '-1'], /./],
    [['--policy', 'p.json', '--policy-poll-seconds', '0'], /--policy-poll-seconds must be an integer from 1 to 3600/],
    [['--policy', 'p.json', '--policy-poll-seconds', '1.5'], /--policy-poll-seconds must be an integer/],
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

describe('runCli', () => {
  const root = mkdtempSync(join(tmpdir(), 'lingxi-web-cli-'));
  mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<!doctype html><title>Lingxi</title>');
  writeFileSync(join(root, 'policy.json'), JSON.stringify({ sip: { servers: ['wss://pbx/ws'], uri: 'sip:1001@pbx', password: 'pw' } }));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function io(): CliIo & { out: string[]; err: string[] } {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, cwd: root, root, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), ensureBuilt: async () => false };
  }

  it('refuses to start, with a clear message and exit code 1, when the port is taken', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    try {
      const streams = io();
      const result = await runCli(['--policy', 'policy.json', '--port', String(port)], streams);
      expect(result.exitCode).toBe(1);
      expect(result.host).toBeUndefined();
      expect(streams.err.join('')).toContain(`port ${port} on 127.0.0.1 is already in use by another process`);
      expect(streams.err.join('')).toContain('--port');
      expect(streams.out).toEqual([]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('prints the address to open with the launch token in the fragment, and that token reads the policy', async () => {
    const streams = io();
    const { exitCode, host } = await runCli(['--policy', 'policy.json', '--port', '0'], streams);
    try {
      expect(exitCode).toBe(0);
      const printed = /open (http:\/\/127\.0\.0\.1:\d+\/#token=([\w-]+))/.exec(streams.out.join(''));
      expect(printed?.[1]).toBe(host?.openUrl);
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL(printed?.[1] ?? '');
        request({ host: url.hostname, port: url.port, path: '/policy.json', headers: { Authorization: `Bearer ${printed?.[2]}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      expect(status).toBe(200);
    } finally {
      await host?.close();
    }
  });
});
