/**
 * Dial requests from links, `?dial=` and the clipboard (all untrusted): parsing never throws, a number it
 * accepts is digits the PBX can dial, and the policy check keeps to its rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dialPolicySchema } from '@common/contract/policy-dial';
import { checkDial } from '@common/dial/dial-check';
import { isDialLink, parseDialInput } from '@common/dial/number';
import { fuzz } from './fuzz-params';
import { hostileString } from './hostile';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const separator = fc.constantFrom('', ' ', '-', '.', '(', ')', '/', '　', '－', '（');
const numberLike = fc
  .tuple(
    fc.constantFrom('', 'tel:', 'sip:', 'sips:', 'callto:', 'callto://', 'TEL:', 'http:', 'javascript:'),
    fc.constantFrom('', '+', '+86', '0086', '＋８６', '+852'),
    fc.array(fc.tuple(digits(1, 5), separator), { maxLength: 5 }),
    fc.constantFrom('', ';ext=12', ',12', 'p12', 'x7', '转8', '@pbx.bank.example', ';phone-context=+86', '%20', '%', '%E0%A4%A'),
  )
  .map(([scheme, country, groups, tail]) => `${scheme}${country}${groups.map(([d, s]) => d + s).join('')}${tail}`);

const input = fc.oneof(numberLike, hostileString, fc.string({ unit: 'grapheme', maxLength: 40 }));
const policy = dialPolicySchema.parse({ prefix: '9', deniedPatterns: ['1[0-9]{2}'], allowedPatterns: [] });

describe('dial numbers (fuzzed)', { timeout: 30_000 }, () => {
  it('reads any text without throwing; a number it accepts is 3–15 digits (with + outside China) and a digit extension', () => {
    fuzz(
      fc.property(input, (text) => {
        isDialLink(text);
        const parsed = parseDialInput(text);
        if (!parsed.ok) return;
        expect(parsed.number).toMatch(parsed.kind === 'international' ? /^\+\d{3,15}$/ : /^\d{3,15}$/);
        if (parsed.extension !== undefined) expect(parsed.extension).toMatch(/^[\d*#]+$/);
      }),
      500,
    );
  });

  it('checks any request against the policy without throwing: a dialled number is the prefix and the number, a refusal names its rule', () => {
    fuzz(
      fc.property(input, (text) => {
        const decision = checkDial(text, policy);
        if (decision.ok) {
          expect(decision.dialString === decision.number || decision.dialString === `9${decision.number}`).toBe(true);
          expect(/^1[0-9]{2}$/.test(decision.number)).toBe(false);
        } else if (decision.refusal.kind === 'policy') {
          expect(decision.refusal.rule).toMatch(/^dial\.(allowedPatterns|deniedPatterns\[\d+\])$/);
        }
      }),
      300,
    );
  });
});
