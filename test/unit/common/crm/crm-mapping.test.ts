import { describe, expect, it } from 'vitest';
import { crmMappingSchema } from '@common/contract/policy';
import { mapCrmDocument } from '@common/crm/crm-mapping';
import { readPath } from '@common/crm/dot-path';
import { ageOn, maskCardNumber, maskIdentifier, maskPhone } from '@common/crm/profile-schema';
import { crmMapping, customers } from '../../../fixtures/crm/customers';

const mapping = crmMappingSchema.parse(crmMapping);

describe('readPath', () => {
  it('follows dots and indexes, and says undefined when a step is missing', () => {
    const doc = { a: { b: [{ c: 1 }, { c: 2 }] } };
    expect(readPath(doc, 'a.b[1].c')).toBe(2);
    expect(readPath(doc, 'a.b.0.c')).toBe(1);
    expect(readPath(doc, '')).toBe(doc);
    expect(readPath(doc, 'a.x.c')).toBeUndefined();
    expect(readPath({ a: null }, 'a.b')).toBeUndefined();
    expect(readPath({}, 'toString')).toBeUndefined(); // own properties only
  });
});

describe('mapCrmDocument', () => {
  it('maps a bank-shaped record into a Lingxi profile, masking ID and card numbers', () => {
    const result = mapCrmDocument({ data: { records: [customers[0]] } }, mapping);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [profile] = result.profiles;
    expect(profile).toMatchObject({
      id: 'C1001',
      name: '王芳 Wang Fang',
      idNumberMasked: '•••• 1234',
      vipTier: 'Gold',
      riskLevel: 2,
      phones: ['13800138000'],
      products: [{ type: 'credit', name: 'Platinum Card', numberMasked: '•••• •••• •••• 7890' }],
      complaints: [{ id: 'T-88', status: 'open' }],
    });
    expect(JSON.stringify(result)).not.toContain('6222021234567890');
    expect(JSON.stringify(result)).not.toContain('110101195201011234');
  });

  it('returns every match, or none', () => {
    const many = mapCrmDocument({ data: { records: customers.slice(1) } }, mapping);
    expect(many.ok && many.profiles.map((p) => p.name)).toEqual(['Li Wei', 'Li Na']);
    const none = mapCrmDocument({ data: { records: [] } }, mapping);
    expect(none).toEqual({ ok: true, profiles: [] });
  });

  it('Lingxi’s own field names need no mapping, and a single object counts as one match', () => {
    const result = mapCrmDocument({ id: 7, name: 'Zhang San', riskLevel: '3' }, crmMappingSchema.parse({}));
    expect(result.ok && result.profiles[0]).toMatchObject({ id: '7', name: 'Zhang San', riskLevel: 3, tags: [], products: [] });
  });

  it('names the mapping key that points nowhere, and the field that breaks the schema', () => {
    expect(mapCrmDocument({ data: {} }, mapping)).toEqual({ ok: false, kind: 'mapping', detail: 'crm.mapping.matches points nowhere ("data.records")' });
    expect(mapCrmDocument({ data: { records: [{ custNo: 'X' }] } }, mapping)).toEqual({
      ok: false,
      kind: 'mapping',
      detail: 'crm.mapping.name points nowhere ("fullName")',
    });
    const bad = mapCrmDocument({ data: { records: [{ ...customers[0], riskGrade: 9 }] } }, mapping);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad).toMatchObject({ kind: 'schema', detail: expect.stringMatching(/^riskLevel: /) });
  });

  it('names an identifier that is an object instead of throwing (found by fuzzing: a "toString" key broke String())', () => {
    const odd = JSON.parse('{"id":"c1","name":"Li","idNumber":{"toString":[]}}') as unknown;
    expect(mapCrmDocument(odd, crmMappingSchema.parse({}))).toMatchObject({ ok: false, kind: 'schema', detail: expect.stringMatching(/^idNumberMasked: /) });
  });
});

describe('masking and age', () => {
  it('keeps the last four digits only', () => {
    expect(maskIdentifier('6222 0212 3456 7890')).toBe('•••• 7890');
    expect(maskIdentifier('123')).toBe('••••');
    expect(maskIdentifier(undefined)).toBeUndefined();
    expect(maskIdentifier(6222021234567890)).toBe('•••• 7890');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('1004')).toBe('1004');
  });
  it('prints a card number in groups of four as Chinese banks do, its length kept, only the last four digits shown', () => {
    expect(maskCardNumber('6222 0212 3456 7890')).toBe('•••• •••• •••• 7890');
    expect(maskCardNumber('6222-0212-3456-7890-123')).toBe('•••• •••• •••• ••• 0123');
    expect(maskCardNumber('12345678')).toBe('•••• 5678');
    expect(maskCardNumber('')).toBeUndefined();
    // Not a number at all (a CRM object): handed on for the profile schema to name, never String()-ed.
    const hostile = { toString: [] };
    expect(maskCardNumber(hostile)).toBe(hostile);
  });
  it('computes age in whole years', () => {
    expect(ageOn('1952-01-01', new Date(2026, 10, 23))).toBe(74);
    expect(ageOn('1952-12-01', new Date(2026, 10, 23))).toBe(73);
  });
});
