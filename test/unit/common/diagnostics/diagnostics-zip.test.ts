import { describe, expect, it } from 'vitest';
import { diagnosticsEntries, diagnosticsFileName, redactFile } from '@common/diagnostics/diagnostics-zip';

describe('diagnostics entries', () => {
  it('redacts a large log file in slices, pausing between them so main keeps serving IPC', async () => {
    const text = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ level: 'info', time: '2026-12-07T09:37:27.123Z', msg: `line ${i} caller 13800138000` })).join('\n');
    let pauses = 0;
    const entries = await diagnosticsEntries([{ name: 'logs/lingxi.log', text }], [], async () => void pauses++);
    expect(pauses).toBe(2);
    const lines = new TextDecoder().decode(entries['logs/lingxi.log']).split('\n');
    expect(lines).toHaveLength(5000);
    expect(JSON.parse(lines[4999] ?? '')).toEqual({ level: 'info', time: '2026-12-07T09:37:27.123Z', msg: 'line 4999 caller [REDACTED-PHONE …8000]' });
  });

  it('keeps a JSON file’s own figures and redacts its text; text files as text', () => {
    const calls = JSON.stringify({ calls: [{ durationMs: 1_234_567, startedAt: 1_765_100_000_000, sipResponse: 'card 4111 1111 1111 1111' }] });
    expect(JSON.parse(redactFile({ name: 'calls.json', text: calls }, []).text)).toEqual({ calls: [{ durationMs: 1_234_567, startedAt: 1_765_100_000_000, sipResponse: 'card [REDACTED-CARD]' }] });
    expect(redactFile({ name: 'README.txt', text: 'password=x1' }, []).text).toBe('password=[REDACTED]');
  });

  it('names the file after the local time', () => {
    expect(diagnosticsFileName(new Date(2026, 11, 7, 9, 5, 3))).toBe('lingxi-diagnostics-20261207-090503.zip');
  });
});
