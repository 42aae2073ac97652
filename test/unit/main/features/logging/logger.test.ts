import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '@common/contract/ipc';
import { limitRendererLog } from '@main/features/logging/renderer-log-limit';
import {
  createLogger,
  formatLine,
  openLogFile,
  setLogSink,
  writeRendererLog,
} from '@main/features/logging/logger';

const dir = mkdtempSync(join(tmpdir(), 'lingxi-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => setLogSink(null));

let fileNo = 0;
async function logTo(write: () => void, maxBytes?: number): Promise<string> {
  const path = join(dir, `case-${++fileNo}`, 'logs', 'lingxi.log');
  const sink = openLogFile(path, maxBytes === undefined ? {} : { maxBytes });
  setLogSink(sink);
  write();
  await sink.close();
  return readFileSync(path, 'utf8');
}

describe('createLogger', () => {
  it('writes redacted lines to the log file, creating its directory', async () => {
    const text = await logTo(() => {
      createLogger('phone').info('incoming call from +86 138 0013 8000');
      createLogger('phone').warn('register failed password=hunter2 for sip:1001@pbx.bank.example');
    });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}\[phone\] incoming call from \[REDACTED-NUMBER\]$/);
    expect(text).not.toContain('138 0013 8000');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('1001@');
    expect(lines[1]).toContain('WARN  [phone]');
  });

  it('redacts error messages and stacks too', async () => {
    const text = await logTo(() => createLogger('crm').error('lookup failed', new Error('customer 13800138000 not found')));
    expect(text).toContain('lookup failed Error: customer [REDACTED-NUMBER] not found');
    expect(text).not.toContain('13800138000');
  });

  it('writes an error’s stack frames and its causes', async () => {
    const cause = new Error('socket closed');
    const text = await logTo(() => createLogger('crm').error('lookup failed', new Error('fetch failed', { cause })));
    expect(text).toMatch(/lookup failed Error: fetch failed \\n +at /);
    expect(text).toContain('\\n Caused by: Error: socket closed');
  });

  it('keeps a multi-line message on one line so it cannot forge entries', () => {
    const line = formatLine('info', 'x', 'a\r\nERROR [main] forged\u0007', undefined, new Date(0));
    expect(line.split('\n')).toHaveLength(2);
    expect(line).toBe('1970-01-01T00:00:00.000Z INFO  [x] a \\n ERROR [main] forged\n');
  });
});

describe('writeRendererLog', () => {
  it('redacts again in main, whatever the renderer sent', async () => {
    const text = await logTo(() =>
      writeRendererLog({ level: 'error', scope: 'assist', message: 'card 4111 1111 1111 1111 token: abc.def' }),
    );
    expect(text).toContain('ERROR [renderer:assist] card [REDACTED-NUMBER] token: [REDACTED]');
    expect(text).not.toContain('4111');
    expect(text).not.toContain('abc.def');
  });

  it('writes the error the renderer sent after the message, its stack on the same line, redacted again', async () => {
    const stack = 'Error: customer 13800138000 not found\n    at lookup (crm-client.ts:12:9)\n    at async show (screenpop-service.ts:40:3)';
    const text = await logTo(() => writeRendererLog({ level: 'warn', scope: 'screenpop', message: 'CRM lookup failed', error: stack }));
    expect(text.trimEnd().split('\n')).toHaveLength(1);
    expect(text).toContain(
      'WARN  [renderer:screenpop] CRM lookup failed Error: customer [REDACTED-NUMBER] not found \\n     at lookup (crm-client.ts:12:9)',
    );
    expect(text).toContain('at async show (screenpop-service.ts:40:3)');
    expect(text).not.toContain('13800138000');
  });
});

describe('openLogFile', () => {
  it('appends across opens', async () => {
    const path = join(dir, 'append.log');
    for (const word of ['first', 'second']) {
      const sink = openLogFile(path);
      setLogSink(sink);
      createLogger('t').info(word);
      await sink.close();
    }
    expect(readFileSync(path, 'utf8')).toMatch(/first\n.*second\n$/);
  });

  it('rotates an oversized file to .1 at open', async () => {
    const path = join(dir, 'rotate.log');
    writeFileSync(path, 'x'.repeat(2000));
    const sink = openLogFile(path, { maxBytes: 1000 });
    setLogSink(sink);
    createLogger('t').info('fresh');
    await sink.close();
    expect(statSync(`${path}.1`).size).toBe(2000);
    expect(readFileSync(path, 'utf8')).toMatch(/fresh\n$/);
    expect(existsSync(path)).toBe(true);
  });

  it('rotates by size while running, keeping every line in order across the two files', async () => {
    const path = join(dir, 'running.log');
    const sink = openLogFile(path, { maxBytes: 2000 });
    setLogSink(sink);
    const log = createLogger('t');
    for (let i = 0; i < 100; i++) log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    await sink.close();
    const current = readFileSync(path, 'utf8');
    const previous = readFileSync(`${path}.1`, 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(2000);
    expect(Buffer.byteLength(previous)).toBeLessThanOrEqual(2000);
    const numbers = (previous + current).trimEnd().split('\n').map((line) => Number(/line (\d+)/.exec(line)?.[1]));
    // Only the newest lines are kept, in order, none lost between .1 and the current file.
    expect(numbers.at(-1)).toBe(99);
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] as number) + i));
    expect(numbers.length).toBeGreaterThan(20);
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
    const text = await logTo(() => {
      const write = limitRendererLog({ write: writeRendererLog });
      for (let i = 0; i < 100_000; i++) write({ id: 3 }, entry(`spam ${i} ${'x'.repeat(200)}`));
      vi.advanceTimersByTime(1000);
    });
    expect(text.trimEnd().split('\n')).toHaveLength(101);
    expect(text).toContain('[renderer:log-limit] dropped 99900 log lines from renderer 3');
  });
});
