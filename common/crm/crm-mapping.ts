/**
 * Turns a CRM's JSON answer into Lingxi profiles using the policy's dot-path mapping, masking
 * identifiers on the way. Every failure says which mapping key or field is wrong.
 */
import type { CrmMapping } from '@common/contract/policy';
import { formatCallPreference, parseCallPreference } from './call-preference';
import { readPath } from './dot-path';
import { customerProfileSchema, maskCardNumber, maskIdentifier, type CustomerProfile } from './profile-schema';

/** `ignored`: optional fields left out because the CRM value is unusable (named, values never quoted). */
export type MappingResult =
  | { ok: true; profiles: CustomerProfile[]; ignored?: string[] }
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

/** The preference's canonical text, or undefined (with `bad` set when the CRM had a value in another format). */
function mapPreference(value: unknown): { value?: string; bad: boolean } {
  if (value === undefined || value === null || value === '') return { bad: false };
  const preference = parseCallPreference(value);
  return preference ? { value: formatCallPreference(preference), bad: false } : { bad: true };
}

function mapRecord(record: unknown, mapping: CrmMapping, preference: string | undefined): Record<string, unknown> {
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
    callPreference: preference,
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
  const ignored: string[] = [];
  for (const [index, record] of records.entries()) {
    for (const key of ['id', 'name'] as const) {
      if (readPath(record, mapping[key]) === undefined) {
        return { ok: false, kind: 'mapping', detail: `crm.mapping.${key} points nowhere ("${mapping[key]}")` };
      }
    }
    const preference = mapPreference(readPath(record, mapping.callPreference));
    if (preference.bad) ignored.push(records.length > 1 ? `match ${index + 1}: callPreference` : 'callPreference');
    const parsed = customerProfileSchema.safeParse(mapRecord(record, mapping, preference.value));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [records.length > 1 ? `match ${index + 1}` : '', issue?.path.join('.') ?? ''].filter(Boolean).join(' ');
      return { ok: false, kind: 'schema', detail: `${where}: ${issue?.message ?? 'invalid'}` };
    }
    profiles.push(parsed.data);
  }
  if (ignored.length === 0) return { ok: true, profiles };
  return { ok: true, profiles, ignored: ignored.map((field) => `${field} is not a calling time such as "15:00-18:00" or "after 15:00": left out`) };
}
