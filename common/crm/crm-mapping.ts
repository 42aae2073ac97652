/**
 * Turns a CRM's JSON answer into Lingxi profiles using the policy's dot-path mapping, masking
 * identifiers on the way. Every failure says which mapping key or field is wrong.
 */
import type { CrmMapping } from '@common/contract/policy';
import { readPath } from './dot-path';
import { customerProfileSchema, maskCardNumber, maskIdentifier, type CustomerProfile } from './profile-schema';

export type MappingResult =
  | { ok: true; profiles: CustomerProfile[] }
  | { ok: false; kind: 'mapping' | 'schema'; detail: string };

type ListKey = 'products' | 'interactions' | 'complaints';

function mapList(record: unknown, mapping: CrmMapping[ListKey]): unknown[] | undefined {
  const items = readPath(record, mapping.path);
  if (items === undefined) return undefined;
  if (!Array.isArray(items)) return [];
  const { path: _path, ...fields } = mapping;
  return items.map((item) => {
    const out: Record<string, unknown> = {};
    for (const [field, path] of Object.entries(fields)) {
      const value = readPath(item, path);
      if (field === 'number') out.numberMasked = maskCardNumber(value);
      else if (value !== undefined && value !== null) out[field] = value;
    }
    return out;
  });
}

function mapRecord(record: unknown, mapping: CrmMapping): Record<string, unknown> {
  const scalar = (key: keyof CrmMapping) => {
    const value = readPath(record, mapping[key] as string);
    return value === null ? undefined : value;
  };
  return {
    id: scalar('id'),
    name: scalar('name'),
    idNumberMasked: maskIdentifier(scalar('idNumber')),
    vipTier: scalar('vipTier'),
    language: scalar('language'),
    dialect: scalar('dialect'),
    tags: scalar('tags'),
    riskLevel: scalar('riskLevel'),
    birthDate: scalar('birthDate'),
    phones: scalar('phones'),
    products: mapList(record, mapping.products),
    interactions: mapList(record, mapping.interactions),
    complaints: mapList(record, mapping.complaints),
  };
}

/** Maps a parsed CRM document; an empty match list is a valid answer (no such customer). */
export function mapCrmDocument(document: unknown, mapping: CrmMapping): MappingResult {
  const matches = readPath(document, mapping.matches);
  if (matches === undefined) {
    return { ok: false, kind: 'mapping', detail: `crm.mapping.matches points nowhere ("${mapping.matches}")` };
  }
  const records = Array.isArray(matches) ? matches : [matches];
  const profiles: CustomerProfile[] = [];
  for (const [index, record] of records.entries()) {
    for (const key of ['id', 'name'] as const) {
      if (readPath(record, mapping[key]) === undefined) {
        return { ok: false, kind: 'mapping', detail: `crm.mapping.${key} points nowhere ("${mapping[key]}")` };
      }
    }
    const parsed = customerProfileSchema.safeParse(mapRecord(record, mapping));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [records.length > 1 ? `match ${index + 1}` : '', issue?.path.join('.') ?? ''].filter(Boolean).join(' ');
      return { ok: false, kind: 'schema', detail: `${where}: ${issue?.message ?? 'invalid'}` };
    }
    profiles.push(parsed.data);
  }
  return { ok: true, profiles };
}
