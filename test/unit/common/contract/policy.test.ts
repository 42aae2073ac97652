import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@common/contract/policy';
import { formatPath } from '@common/zod-issues';

const valid = {
  sip: { servers: ['wss://pbx.bank.example:7443'], uri: 'sip:8001@pbx.bank.example', password: 'secret' },
};

describe('parsePolicy', () => {
  it('fills defaults for a minimal valid policy', () => {
    const result = parsePolicy(JSON.stringify(valid), '/etc/lingxi/policy.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy.ui.language).toBe('zh-CN');
    expect(result.policy.sip.dtmf).toBe('rfc2833');
    expect(result.policy.sip.iceGatheringTimeoutMs).toBe(2000);
    expect(result.policy.sip.autoAnswer).toEqual({ enabled: false, delayMs: 0 });
    expect(result.policy.audio.echoCancellation).toBe(true);
    expect(result.policy.locked).toEqual([]);
  });

  it('accepts ws:// only for loopback hosts', () => {
    for (const server of ['ws://127.0.0.1:8080', 'ws://localhost:8080', 'ws://[::1]:8080']) {
      expect(parsePolicy({ ...valid, sip: { ...valid.sip, servers: [server] } }, 't').ok).toBe(true);
    }
    // 127.0.0.2 is loopback too, but the page's CSP allows only these three names: refused here, not at call time.
    const result = parsePolicy({ ...valid, sip: { ...valid.sip, servers: ['wss://ok.example', 'ws://pbx.example.com', 'ws://127.0.0.2:8080'] } }, 't');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: 'sip.servers[1]', message: 'must be a wss:// URL (ws:// only for 127.0.0.1, localhost or [::1])' },
      { path: 'sip.servers[2]', message: 'must be a wss:// URL (ws:// only for 127.0.0.1, localhost or [::1])' },
    ]);
  });

  it('reports every problem with its path, unknown keys included, and applies nothing', () => {
    const result = parsePolicy(
      { sip: { servers: ['http://x'], uri: '1001', password: '', colour: 'red' }, ui: { language: 'fr' }, extra: 1 },
      'policy.json',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'sip.servers[0]: must be a wss:// URL',
        expect.stringMatching(/^sip\.uri: must be a SIP URI/),
        'sip.password: must not be empty',
        'sip.colour: unknown key',
        expect.stringMatching(/^ui\.language: /),
        'extra: unknown key',
      ]),
    );
    expect('policy' in result).toBe(false);
  });

  it('explains malformed JSON and a lock on a key that cannot be locked', () => {
    const broken = parsePolicy('{"sip": ', 'p.json');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]?.message).toMatch(/^not valid JSON/);
    const lock = parsePolicy({ ...valid, locked: ['sip.password'] }, 'p.json');
    expect(lock.ok).toBe(false);
    if (!lock.ok) expect(lock.problems[0]?.path).toBe('locked[0]');
  });

  it('never shows the password of a policy whose JSON is broken around it', () => {
    const password = 'S3cret-Pass!';
    for (const text of [
      `{"sip": {"password": ${password}}}`, // unquoted: V8's message quotes the text after the error
      `{"sip": {"password": "${password}" "uri": "sip:1001@pbx.bank.example"}}`,
      `{"sip": {"password": "${password}`,
      `{"sip": {\n  "servers": ["wss://pbx.bank.example"],\n  "password": '${password}'\n}}`,
    ]) {
      const broken = parsePolicy(text, 'p.json');
      expect(broken.ok).toBe(false);
      const shown = JSON.stringify(broken);
      expect(shown).toMatch(/not valid JSON at line \d+, column \d+/);
      expect(shown).not.toContain('S3cret');
      expect(shown).not.toContain('Pass!');
    }
  });

  it('keeps the rejected document’s language for the report when it is usable', () => {
    const result = parsePolicy({ ui: { language: 'en' } }, 'p.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.language).toBe('en');
  });

  it('formats paths the way IT reads them', () => {
    expect(formatPath(['sip', 'servers', 0])).toBe('sip.servers[0]');
    expect(formatPath([])).toBe('(root)');
  });
});
