import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '@common/contract/csp';

/** directive name → its sources, from a policy string. */
function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const header = parse(CONTENT_SECURITY_POLICY);

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows plain ws: only to loopback hosts, like the policy schema', () => {
    const connect = header.get('connect-src') ?? [];
    // A bare scheme source would let an injected script stream call data to any host in clear text.
    expect(connect).not.toContain('ws:');
    expect(connect).not.toContain('http:');
    expect(connect.filter((source) => source.startsWith('ws:'))).toEqual(['ws://127.0.0.1:*', 'ws://localhost:*', 'ws://[::1]:*']);
    expect(connect).toContain('wss:');
  });

  it('forbids form submissions anywhere', () => {
    expect(header.get('form-action')).toEqual(["'none'"]);
  });
});

describe('META_CONTENT_SECURITY_POLICY', () => {
  it('is the header policy minus the directives a <meta> cannot carry', () => {
    const meta = parse(META_CONTENT_SECURITY_POLICY);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect([...meta.keys()]).toEqual([...header.keys()].filter((name) => name !== 'frame-ancestors'));
    for (const [name, sources] of meta) expect(sources).toEqual(header.get(name));
  });

  it('is not hand-copied into renderer/index.html, where it would drift (the build injects it)', () => {
    const html = readFileSync(new URL('../../../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/http-equiv/i);
  });
});
