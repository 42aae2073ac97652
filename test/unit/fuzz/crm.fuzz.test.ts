/**
 * Any CRM answer through any policy mapping: the mapping never throws; it yields valid profiles (masked
 * identifiers) or a failure that names the mapping key or the field that is wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crmMappingSchema } from '@common/contract/policy';
import { mapCrmDocument } from '@common/crm/crm-mapping';
import { customerProfileSchema } from '@common/crm/profile-schema';
import { fuzz } from './fuzz-params';
import { hostileJson, mutated, prototypeKeyed } from './hostile';

const step = fc.oneof(fc.constantFrom('id', 'name', 'idNumber', 'customer', 'items', 'toString', 'constructor', '__proto__', 'length'), fc.stringMatching(/^[A-Za-z0-9_$-]{1,6}$/));
const dotPath = fc.array(fc.oneof(step, fc.nat({ max: 3 }).map((i) => `[${i}]`)), { maxLength: 3 }).map((steps) => steps.join('.').replace(/\.\[/g, '[').replace(/^\[/, 'x['));

const mapping = fc
  .record({ matches: dotPath, id: dotPath, name: dotPath, idNumber: dotPath, tags: dotPath, products: fc.record({ path: dotPath, number: dotPath }) }, { requiredKeys: [] })
  .map((fields) => crmMappingSchema.safeParse(fields))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data);

/** A CRM answer in Lingxi's own profile shape, so that mutations land near what the mapping reads. */
const profile = fc.record({
  id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
  name: fc.string({ maxLength: 20 }),
  idNumber: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), prototypeKeyed),
  vipTier: fc.string({ maxLength: 5 }),
  riskLevel: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.string({ maxLength: 3 }), prototypeKeyed),
  birthDate: fc.oneof(fc.constant('1960-05-01'), fc.string({ maxLength: 12 }), prototypeKeyed),
  tags: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  products: fc.array(fc.record({ type: fc.string({ maxLength: 5 }), name: fc.string({ maxLength: 8 }), number: fc.oneof(fc.string({ maxLength: 20 }), prototypeKeyed) }), { maxLength: 2 }),
});
const answer = fc.oneof(profile, fc.array(profile, { maxLength: 3 }), mutated(profile, hostileJson), mutated(fc.array(profile, { minLength: 1, maxLength: 2 }), hostileJson), hostileJson);

describe('CRM answers through the mapping (fuzzed)', { timeout: 30_000 }, () => {
  it('maps any answer under any mapping without throwing: valid masked profiles, or a failure that names the key', () => {
    fuzz(
      fc.property(answer, fc.oneof(fc.constant(crmMappingSchema.parse({})), mapping), (document, map) => {
        const result = mapCrmDocument(JSON.parse(JSON.stringify(document) ?? 'null') as unknown, map);
        if (result.ok) {
          for (const p of result.profiles) {
            expect(customerProfileSchema.safeParse(p).success).toBe(true);
            if (p.idNumberMasked !== undefined) expect(p.idNumberMasked).toMatch(/^••••( .{1,4})?$/u);
          }
        } else {
          expect(result.detail.trim()).not.toBe('');
          if (result.kind === 'mapping') expect(result.detail).toMatch(/^crm\.mapping\.\w+ points nowhere/);
        }
      }),
      300,
    );
  });
});
