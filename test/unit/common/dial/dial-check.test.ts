import { describe, expect, it } from 'vitest';
import { checkDial } from '@common/dial/dial-check';
import { dialPolicySchema, type DialPolicy } from '@common/contract/policy-dial';
import { parsePolicy } from '@common/contract/policy';

const policy = (input: Partial<DialPolicy> = {}): DialPolicy => dialPolicySchema.parse(input);
/** A bank's "no international, no premium" rule, as IT would write it. */
const domesticOnly = policy({
  prefix: '9',
  allowedPatterns: [String.raw`1[3-9]\d{9}`, String.raw`0\d{9,11}`, String.raw`[48]00\d{7}`, String.raw`9[56]\d{3}`, String.raw`\d{3,4}`],
  deniedPatterns: [String.raw`0?900\d*`],
});

describe('checkDial', () => {
  it('dials every number with the defaults: confirm, no prefix, nothing refused', () => {
    expect(policy()).toEqual({ confirm: true, prefix: '', internalPattern: String.raw`\d{3,4}`, allowedPatterns: [], deniedPatterns: [] });
    expect(checkDial('+852 2345 6789', policy())).toEqual({ ok: true, number: '+85223456789', kind: 'international', dialString: '+85223456789' });
  });

  it.each([
    ['138 0013 8000', '13800138000', 'national', '913800138000'],
    ['tel:+86-10-8888-8888;ext=12', '01088888888', 'national', '901088888888'],
    ['95588', '95588', 'national', '995588'],
    ['400-820-8820', '4008208820', 'national', '94008208820'],
    ['sip:8001@pbx.bank.example', '8001', 'internal', '8001'],
  ])('prefixes outside lines only: %s', (input, number, kind, dialString) => {
    expect(checkDial(input, domesticOnly)).toMatchObject({ ok: true, number, kind, dialString });
  });

  it('keeps the extension for after the answer', () => {
    expect(checkDial('010-88888888转123', domesticOnly)).toMatchObject({ ok: true, dialString: '901088888888', extension: '123' });
  });

  it('refuses an international number with the rule that refused it', () => {
    expect(checkDial('+1 (415) 555-2671', domesticOnly)).toEqual({
      ok: false,
      refusal: { kind: 'policy', rule: 'dial.allowedPatterns', number: '+14155552671' },
    });
  });

  it('names the denied pattern that matched, even for an allowed number', () => {
    expect(checkDial('0900 123 4567', domesticOnly)).toEqual({
      ok: false,
      refusal: { kind: 'policy', rule: 'dial.deniedPatterns[0]', pattern: String.raw`0?900\d*`, number: '09001234567' },
    });
  });

  it('matches patterns against the whole number, not a part of it', () => {
    const mobilesOnly = policy({ allowedPatterns: [String.raw`1[3-9]\d{9}`] });
    expect(checkDial('13800138000', mobilesOnly).ok).toBe(true);
    expect(checkDial('013800138000', mobilesOnly).ok).toBe(false);
    expect(checkDial('138001380001', mobilesOnly).ok).toBe(false);
  });

  it('says why junk is not dialled before any rule is looked at', () => {
    expect(checkDial('call me maybe', domesticOnly)).toEqual({ ok: false, refusal: { kind: 'number', problem: 'not-a-number' } });
  });
});

describe('dial policy', () => {
  const base = { sip: { servers: ['wss://sbc.bank.example'], uri: 'sip:8001@pbx.bank.example', password: 'x' } };

  it('is part of the policy document with its defaults', () => {
    const result = parsePolicy(base, 'test');
    expect(result.ok && result.policy.dial.confirm).toBe(true);
  });

  it('reports a pattern that does not compile with its exact path and the reason', () => {
    const result = parsePolicy({ ...base, dial: { allowedPatterns: [String.raw`1\d{10}`, '(0\\d+'] } }, 'test');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe('dial.allowedPatterns[1]');
    expect(result.problems[0]?.message).toMatch(/^must be a valid regular expression \(.*Unterminated group.*\)$/);
  });

  it('refuses a prefix that is not dial digits, and unknown keys', () => {
    const result = parsePolicy({ ...base, dial: { prefix: '9-', confirmm: false } }, 'test');
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['dial.prefix', 'dial.confirmm']);
  });
});
