import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
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
});
