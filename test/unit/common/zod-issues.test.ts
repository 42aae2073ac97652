import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, describeIssues, formatPath, pathText } from '@common/zod-issues';

const schema = z.strictObject({
  sip: z.strictObject({ servers: z.array(z.string().startsWith('wss://', 'must be a wss:// URL')) }),
});
const issuesOf = (value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues;
};

describe('pathText and formatPath', () => {
  it('writes keys with dots and indices in brackets', () => {
    expect(pathText(['sip', 'servers', 0, 'host'])).toBe('sip.servers[0].host');
    expect(pathText([0, 'title'])).toBe('[0].title');
    expect(pathText([])).toBe('');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['sip', 'servers', 1])).toBe('sip.servers[1]');
  });

  it('quotes a key that a dot path cannot show, and cuts a long one (fuzzing found `]` printed as a path)', () => {
    expect(pathText(['crm', 'headers', 'X-Api-Key'])).toBe('crm.headers.X-Api-Key');
    expect(pathText(['crm', 'headers', 'X.Y'])).toBe('crm.headers["X.Y"]');
    expect(formatPath([']'])).toBe('["]"]');
    expect(formatPath(['ui', ''])).toBe('ui[""]');
    expect(formatPath(['页面'])).toBe('页面');
    expect(formatPath(['k'.repeat(1000)])).toBe(`${'k'.repeat(64)}…`);
  });

  it('continues a prefix and can keep the speech service’s dotted indices', () => {
    expect(pathText(['title'], { prefix: 'articles[2] (id "card-7")' })).toBe('articles[2] (id "card-7").title');
    expect(pathText([], { prefix: 'transcription' })).toBe('transcription');
    expect(pathText(['engines', 0, 'endSilenceMs'], { dottedIndices: true })).toBe('engines.0.endSilenceMs');
    expect(pathText(['engines', 0], { prefix: 'transcription', dottedIndices: true })).toBe('transcription.engines.0');
  });
});

describe('describeIssue(s)', () => {
  it('puts the path before the message; a root issue is the bare message unless the root is named', () => {
    expect(describeIssues(issuesOf({ sip: { servers: ['ws://pbx'] } }))).toEqual(['sip.servers[0]: must be a wss:// URL']);
    const [root] = issuesOf('not an object');
    expect(root && describeIssue(root)).toBe('Invalid input: expected object, received string');
    expect(root && describeIssue(root, { root: '(root)' })).toBe('(root): Invalid input: expected object, received string');
  });
});
