import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson, readJson } from '@common/json';
import { jsonErrorOffset } from '@common/json-error-position';

const schema = z.strictObject({ articles: z.array(z.strictObject({ title: z.string().min(1, 'must not be empty') })) });

describe('readJson', () => {
  it('reads JSON, skipping a byte order mark, and reports bad JSON without throwing', () => {
    expect(readJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(readJson('\uFEFF[1]')).toEqual({ ok: true, value: [1] });
    const bad = readJson('{"a":');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toBe('not valid JSON at line 1, column 6');
  });

  it('names the line and column, never the text around the error', () => {
    const secret = 'Tr0ub4dor&3';
    const cases: Array<[string, string]> = [
      [`{"sip": {\n  "password": ${secret}\n}}`, 'line 2, column 15'], // unquoted value: V8 quotes it back
      [`{"password": "${secret}" "uri": 1}`, 'line 1, column 28'], // a missing comma after the secret
      [`{"password": "${secret}`, 'line 1, column 26'], // unterminated: the error is at the end
      [`{\r\n"token": "${secret}",\r\n}`, 'line 3, column 1'], // trailing comma; Windows line ends
      [`{"password": "a\tb${secret}"}`, 'line 1, column 16'], // a raw tab inside a string
    ];
    for (const [text, where] of cases) {
      const result = readJson(text);
      expect(result).toEqual({ ok: false, error: `not valid JSON at ${where}` });
      expect(JSON.stringify(result)).not.toContain('Tr0ub');
    }
  });

  it('finds an error exactly where JSON.parse finds one', () => {
    // Valid documents, and each cut short, with a character changed, or with one inserted.
    const documents = ['{"a":[1,-2.5e+3,true,false,null,"x\\u00e9\\n"],"b":{}}', '[]', '"s"', '0', ' [ { } , [ ] ] '];
    const noise = ['', ',', '}', ']', ':', '"', '\\', 'x', '01', '1.', '-', 'e', '\u0001', 'tru', ' '];
    let checked = 0;
    for (const document of documents) {
      for (let at = 0; at <= document.length; at++) {
        for (const extra of noise) {
          for (const text of [document.slice(0, at), document.slice(0, at) + extra + document.slice(at), document.slice(0, at) + extra + document.slice(at + 1)]) {
            let valid = true;
            try {
              JSON.parse(text);
            } catch {
              valid = false;
            }
            expect(jsonErrorOffset(text) === undefined, JSON.stringify(text)).toBe(valid);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('survives deep nesting without a stack overflow', () => {
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
    expect(jsonErrorOffset(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
  });
});

describe('parseJson', () => {
  it('gives the parsed value', () => {
    expect(parseJson(schema, '{"articles":[{"title":"Card lost"}]}')).toEqual({ ok: true, value: { articles: [{ title: 'Card lost' }] } });
  });

  it('lists every schema problem with its path, and bad JSON as one problem', () => {
    expect(parseJson(schema, '{"articles":[{"title":""},{"title":"ok","extra":1}]}')).toEqual({
      ok: false,
      errors: ['articles[0].title: must not be empty', 'articles[1].extra: unknown key'],
    });
    // Found by fuzzing: problems of the document itself had no place (`Unrecognized key: "a"`).
    expect(parseJson(schema, '{"articles":[],"a":1}')).toEqual({ ok: false, errors: ['a: unknown key'] });
    expect(parseJson(schema, '"text"')).toEqual({ ok: false, errors: ['(root): Invalid input: expected object, received string'] });
    const broken = parseJson(schema, 'nope');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors).toHaveLength(1);
    expect(!broken.ok && broken.errors[0]).toBe('not valid JSON at line 1, column 1');
  });
});
