/**
 * Redaction runs in main on every line any renderer sends (`log:write`) and on every file of a diagnostics
 * export, so it meets hostile text: it must stay linear on any line (no regular expression backtracks), never
 * throw, keep every field of a JSON value, and never let a known secret through.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact, redactJsonLine, redactValue } from '@common/contract/redact';
import { fuzz } from './fuzz-params';
import { hostileJson, prototypeKeyed } from './hostile';

/** Pieces the patterns look for, so that random text keeps almost matching them. */
const piece = fc.constantFrom('pass', 'password', 'Token', '=', ':', ' ', '"', "'", '-', '_', 'a', 'A', '1', '12', '+86', '.', '@', '/', '//', 'sip:', 'wss://', 'bearer ', 'Basic ', 'eyJ', 'eyJab.', 'response=', 'nonce', '-----BEGIN PRIVATE KEY-----', 'MC4CAQAwBQYDK2VwBCIEI', '１２', '\u3000', 'ms', 'X', '17');
const lineOf = (maxPieces: number) => fc.array(piece, { maxLength: maxPieces }).map((parts) => parts.join(''));

/** Text this long is redacted in well under this many ms when the patterns are linear (backtracking takes seconds to hours). */
const LONG_LINE = 50_000;
const LINEAR_MS = 1500;

describe('redaction (fuzzed)', { timeout: 60_000 }, () => {
  it('redacts a long line of near-matches in linear time', () => {
    fuzz(
      fc.property(lineOf(12), fc.constantFrom(...[1, 2, 3]), (unit, variant) => {
        if (unit === '') return;
        // One near-match repeated (the classic way to make a regular expression backtrack), optionally left unfinished.
        const line = unit.repeat(Math.ceil(LONG_LINE / unit.length)).slice(0, LONG_LINE - variant) + ['', '=', '@x'][variant - 1];
        const started = performance.now();
        redact(line, ['s3cret-value']);
        expect(performance.now() - started, `unit ${JSON.stringify(unit)}`).toBeLessThan(LINEAR_MS);
      }),
      40,
    );
  });

  it('never lets a known secret of four characters or more through', () => {
    const secret = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~'), minLength: 4, maxLength: 12 });
    fuzz(
      fc.property(lineOf(8), secret, lineOf(8), (before, value, after) => {
        expect(redact(`${before}${value}${after}`, [value])).not.toContain(value);
      }),
      300,
    );
  });

  it('redacts any JSON value without throwing and keeps every field, prototype keys included', () => {
    fuzz(
      fc.property(fc.oneof(hostileJson, prototypeKeyed, fc.dictionary(fc.string({ maxLength: 10 }), hostileJson, { maxKeys: 5 })), (value) => {
        const redacted = redactValue(value);
        const keys = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).length : -1);
        expect(keys(redacted)).toBe(keys(value));
        const line = JSON.stringify(value) ?? 'null';
        expect(() => JSON.parse(redactJsonLine(line)) as unknown).not.toThrow();
      }),
      300,
    );
  });
});
