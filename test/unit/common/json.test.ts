import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJson, readJson } from '@common/json';

const schema = z.strictObject({ articles: z.array(z.strictObject({ title: z.string().min(1, 'must not be empty') })) });

describe('readJson', () => {
  it('reads JSON, skipping a byte order mark, and reports bad JSON without throwing', () => {
    expect(readJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(readJson('\uFEFF[1]')).toEqual({ ok: true, value: [1] });
    const bad = readJson('{"a":');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^not valid JSON: /);
  });
});

describe('parseJson', () => {
  it('gives the parsed value', () => {
    expect(parseJson(schema, '{"articles":[{"title":"Card lost"}]}')).toEqual({ ok: true, value: { articles: [{ title: 'Card lost' }] } });
  });

  it('lists every schema problem with its path, and bad JSON as one problem', () => {
    expect(parseJson(schema, '{"articles":[{"title":""},{"title":"ok","extra":1}]}')).toEqual({
      ok: false,
      errors: ['articles[0].title: must not be empty', 'articles[1]: Unrecognized key: "extra"'],
    });
    const broken = parseJson(schema, 'nope');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors).toHaveLength(1);
    expect(!broken.ok && broken.errors[0]).toMatch(/^not valid JSON: /);
  });
});
