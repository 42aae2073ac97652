import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '@common/contract/ipc';
import { limitRendererLog } from '@main/features/logging/renderer-log-limit';
import { createLogger, setLogSecrets, setLogSink, writeRendererLog, writeServiceLog } from '@main/features/logging/logger';
import { openLogFiles } from '@main/features/logging/log-files';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  setLogSink(null);
  setLogSecrets([]);
});

let caseNo = 0;
/** Runs write against a fresh log set and returns its file's JSON lines, parsed. */
async function logTo(write: () => void): Promise<{ text: string; lines: Array<Record<string, unknown>> }> {
  const logs = join(dir, `case-${++caseNo}`, 'logs');
  const files = openLogFiles(logs);
  setLogSink(files);
  write();
  await files.close();
  const text = readFileSync(join(logs, 'lingxi.log'), 'utf8');
  return { text, lines: text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes JSON lines with time, level, source and scope, redacted, creating the folder', async () => {
    const { text, lines } = await logTo(() => {
      createLogger('phone').info('incoming call from +86 138 0013 8000');
      createLogger('phone').warn('register failed password=hunter2 for sip:1001@pbx.bank.example');
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', source: 'main', scope: 'phone', msg: 'incoming call from [REDACTED-PHONE …8000]' });
    expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(lines[0]?.pid).toBe(process.pid);
    expect(lines[1]).toMatchObject({ level: 'warn', msg: 'register failed password=[REDACTED] for sip:[REDACTED]@pbx.bank.example' });
    expect(text).not.toMatch(/138 0013 8000|hunter2|1001@/);
  });

  it('writes an error beside the message, stack frames and causes included, redacted', async () => {
    const cause = new Error('socket closed for 13800138000');
    const { text, lines } = await logTo(() => createLogger('crm').error('lookup failed', new Error('fetch failed', { cause })));
    expect(lines[0]?.msg).toBe('lookup failed');
    expect(String(lines[0]?.error)).toMatch(/^Error: fetch failed\n\s+at /);
    expect(String(lines[0]?.error)).toContain('Caused by: Error: socket closed for [REDACTED-PHONE …8000]');
    expect(text).not.toContain('13800138000');
  });

  it('keeps a multi-line message in one line, so it cannot forge entries', async () => {
    const { text, lines } = await logTo(() => createLogger('x').info('a\r\n{"level":"error","msg":"forged"}'));
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(lines[0]?.msg).toBe('a\r\n{"level":"error","msg":"forged"}');
  });

  it('removes the secrets it was told by value, wherever they appear', async () => {
    setLogSecrets(['Zq9-policy-password', undefined]);
    const { text } = await logTo(() => createLogger('sip').debug('ws frame: REGISTER ... x=Zq9-policy-password;y'));
    expect(text).not.toContain('Zq9-policy-password');
    expect(text).toContain('x=[REDACTED];y');
  });
});

describe('writeRendererLog and writeServiceLog', () => {
  it('redacts again in main, whatever the renderer sent, tagging renderer and preload lines', async () => {
    const { text, lines } = await logTo(() => {
      writeRendererLog({ level: 'error', scope: 'assist', message: 'card 4111 1111 1111 1111 token: abc.def' });
      writeRendererLog({ level: 'warn', scope: 'ipc', source: 'preload', message: 'dropped an unknown system event' });
    });
    expect(lines[0]).toMatchObject({ level: 'error', source: 'renderer', scope: 'assist', msg: 'card [REDACTED-CARD] token: [REDACTED]' });
    expect(lines[1]).toMatchObject({ source: 'preload', scope: 'ipc' });
    expect(text).not.toMatch(/4111|abc\.def/);
  });

  it('writes the error the renderer sent (a stack as text) in the line, redacted again', async () => {
    const stack = 'Error: customer 13800138000 not found\n    at lookup (crm-client.ts:12:9)';
    const { text, lines } = await logTo(() => writeRendererLog({ level: 'warn', scope: 'screenpop', message: 'CRM lookup failed', error: stack }));
    expect(lines[0]?.error).toBe('Error: customer [REDACTED-PHONE …8000] not found\n    at lookup (crm-client.ts:12:9)');
    expect(text).not.toContain('13800138000');
  });

  it('keeps the speech service’s JSON fields as fields and its other output as text', async () => {
    const { lines } = await logTo(() => {
      writeServiceLog('speech', 'warn', '{"service":"speech","event":"listening","port":40125}');
      writeServiceLog('speech', 'warn', 'terminate called after throwing an instance of Ort::Exception');
    });
    expect(lines[0]).toMatchObject({ level: 'info', source: 'speech', msg: 'listening', port: 40125 });
    expect(lines[1]).toMatchObject({ level: 'warn', source: 'speech', msg: 'terminate called after throwing an instance of Ort::Exception' });
  });
});

describe('the log:write rate limit', () => {
  afterEach(() => vi.useRealTimers());
  const entry = (message: string): LogEntry => ({ level: 'info', scope: 'loop', message });

  it('drops a looping renderer’s excess lines and says how many, without slowing another renderer', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const write = limitRendererLog({ write: (e) => written.push(`${e.scope}: ${e.message}`), maxLines: 100, windowMs: 1000 });
    for (let i = 0; i < 10_000; i++) write({ id: 1 }, entry(`spam ${i}`));
    write({ id: 2 }, entry('other window still logs'));
    expect(written.filter((line) => line.startsWith('loop: spam'))).toHaveLength(100);
    expect(written).toContain('loop: other window still logs');
    vi.advanceTimersByTime(1000);
    expect(written.filter((line) => line.startsWith('log-limit:'))).toEqual(['log-limit: dropped 9900 log lines from renderer 1: over 100 lines per 1000 ms']);
    write({ id: 1 }, entry('next second'));
    expect(written.at(-1)).toBe('loop: next second');
    vi.advanceTimersByTime(5000);
    expect(written.filter((line) => line.startsWith('log-limit:'))).toHaveLength(1);
  });

  it('keeps a looping renderer’s log file small', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
    const { lines } = await logTo(() => {
      const write = limitRendererLog({ write: writeRendererLog });
      for (let i = 0; i < 100_000; i++) write({ id: 3 }, entry(`spam ${i} ${'x'.repeat(200)}`));
      vi.advanceTimersByTime(1000);
    });
    expect(lines).toHaveLength(101);
    expect(lines.at(-1)).toMatchObject({ scope: 'log-limit', msg: 'dropped 99900 log lines from renderer 3: over 100 lines per 1000 ms' });
  });
});
