import { describe, expect, it } from 'vitest';
import { describeError, errorMessage, MAX_ERROR_CHARS } from '@common/errors';

describe('errorMessage', () => {
  it('is the message of an Error and the text of anything else, as the UI always showed it', () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});

describe('describeError', () => {
  it('gives an Error’s stack: name, message and the frames', () => {
    const text = describeError(new RangeError('too far'));
    expect(text).toMatch(/^RangeError: too far\n\s+at /);
  });

  it('falls back to name: message without a stack, and to String() for what is not an error', () => {
    const bare = new Error('no frames');
    bare.stack = undefined;
    expect(describeError(bare)).toBe('Error: no frames');
    expect(describeError({ name: 'AbortError', message: 'aborted' })).toBe('AbortError: aborted');
    expect(describeError({ message: 'from a worker' })).toBe('Error: from a worker');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError(null)).toBe('null');
    expect(describeError(Object.create(null))).toBe('[object Object]');
  });

  it('puts the head before a stack that lists only frames (Firefox, Safari)', () => {
    const error = { name: 'NotAllowedError', message: 'play() refused', stack: 'play@app.js:1:2' };
    expect(describeError(error)).toBe('NotAllowedError: play() refused\nplay@app.js:1:2');
  });

  it('follows causes, which a stack leaves out, a few levels deep', () => {
    const root = new Error('disk full');
    const text = describeError(new Error('chunk not saved', { cause: new Error('transaction aborted', { cause: root }) }));
    expect(text).toMatch(/^Error: chunk not saved\n/);
    expect(text).toContain('\nCaused by: Error: transaction aborted\n');
    expect(text).toContain('\nCaused by: Error: disk full\n');
    const loop: { message: string; cause?: unknown } = { message: 'loop' };
    loop.cause = loop;
    expect(describeError(loop).split('Caused by').length).toBe(4);
  });

  it('caps the text', () => {
    const text = describeError(new Error('x'.repeat(10_000)));
    expect(text).toHaveLength(MAX_ERROR_CHARS);
    expect(text.endsWith('…')).toBe(true);
    expect(describeError('abcdef', 4)).toBe('abc…');
  });
});
