/**
 * The renderer logger end to end: createLogger → window.lingxi.log.write → main's IPC schema →
 * writeRendererLog → the log line. The stack must arrive, and a number in it must not.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { LingxiApi } from '@common/contract/api';
import { logEntrySchema, type LogEntry } from '@common/contract/ipc';
import { MAX_ERROR_CHARS } from '@common/errors';
import { setLogSink, writeRendererLog } from '@main/features/logging/logger';
import { createLogger, logEntry } from '@renderer/platform/logger';

const sent: LogEntry[] = [];
const lines: string[] = [];
setLogSink({ write: (line) => void lines.push(line), close: async () => undefined });
afterAll(() => setLogSink(null));

// The host is picked once, on the first log line: the Electron preload's API, here a stand-in that
// hands the entry to main the way the IPC registry does (schema first).
window.lingxi = {
  log: {
    write: async (entry: LogEntry) => {
      sent.push(entry);
      writeRendererLog(logEntrySchema.parse(entry));
    },
  },
} as unknown as LingxiApi;

describe('renderer logger', () => {
  it('carries the error’s stack to main’s log line, redacted in the renderer and again in main', async () => {
    const error = new Error('customer +86 138 0013 8000 not found');
    createLogger('screenpop').error('CRM lookup failed', error);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    const [entry] = sent;
    expect(entry?.error).toMatch(/^Error: customer \[REDACTED-PHONE …8000\] not found\n\s+at /);
    expect(entry?.error).not.toContain('138 0013');
    const [line] = lines;
    expect(JSON.parse(line ?? '')).toMatchObject({ level: 'error', source: 'renderer', scope: 'screenpop', msg: 'CRM lookup failed' });
    expect((JSON.parse(line ?? '') as { error: string }).error).toMatch(/^Error: customer \[REDACTED-PHONE …8000\] not found\n\s+at /);
    // The frame naming this test file: the stack really made it, not just the message.
    expect(line).toContain('logger.test.ts');
    expect(line).not.toContain('138 0013');
    expect(line?.split('\n')).toHaveLength(2);
  });

  it('sends no error field for a line without one (the schema is strict)', async () => {
    createLogger('phone').info('registration registered');
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ level: 'info', scope: 'phone', message: 'registration registered' });
  });

  it('keeps an entry within the schema’s caps even when redaction lengthens it', () => {
    const numbers = '1234567 '.repeat(1000);
    const entry = logEntry('warn', 'recording', numbers, new Error(numbers));
    expect(entry.message.length).toBeLessThanOrEqual(4000);
    expect(entry.error?.length).toBeLessThanOrEqual(MAX_ERROR_CHARS);
    expect(logEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('sends what was thrown even when it is not an Error', () => {
    expect(logEntry('error', 'devices', 'start failed', 'NotReadableError')).toMatchObject({ error: 'NotReadableError' });
    expect(logEntry('error', 'devices', 'start failed', { name: 'OverconstrainedError', message: 'no such device' })).toMatchObject({
      error: 'OverconstrainedError: no such device',
    });
  });
});
