/** Policy sections for the bank's systems the desktop talks to: the CRM (screen pop) and the knowledge base. */
import { z } from 'zod';
import { serviceUrl } from './policy-urls';

const dotPath = z.string().max(200).regex(/^[A-Za-z0-9_$-]*(\.[A-Za-z0-9_$-]+|\[\d+\])*$/, 'must be a dot path such as customer.name or items[0].id');
const listMapping = <T extends Record<string, z.ZodType>>(fields: T) => z.strictObject({ path: dotPath, ...fields });

/**
 * Where each Lingxi profile field lives in the CRM's JSON (dot paths). The defaults are Lingxi's own
 * field names, so a CRM that answers in Lingxi's profile schema needs no mapping at all.
 */
export const crmMappingSchema = z
  .strictObject({
    /** The customer object, or an array of them (several matches → a chooser); "" = the whole document. */
    matches: dotPath.default(''),
    id: dotPath.default('id'),
    name: dotPath.default('name'),
    idNumber: dotPath.default('idNumber'),
    vipTier: dotPath.default('vipTier'),
    language: dotPath.default('language'),
    dialect: dotPath.default('dialect'),
    tags: dotPath.default('tags'),
    riskLevel: dotPath.default('riskLevel'),
    birthDate: dotPath.default('birthDate'),
    phones: dotPath.default('phones'),
    /**
     * The customer's own preferred calling time, e.g. "15:00-18:00", "after 15:00", "Mon-Fri 15:00-18:00"
     * (common/crm/call-preference.ts; bank time zone): the Callback dialog's default. A value in another format is left out.
     */
    callPreference: dotPath.default('callPreference'),
    products: listMapping({ type: dotPath.default('type'), name: dotPath.default('name'), number: dotPath.default('number') }).prefault({ path: 'products' }),
    interactions: listMapping({ at: dotPath.default('at'), channel: dotPath.default('channel'), summary: dotPath.default('summary') }).prefault({ path: 'interactions' }),
    complaints: listMapping({ id: dotPath.default('id'), title: dotPath.default('title'), status: dotPath.default('status'), openedAt: dotPath.default('openedAt') }).prefault({ path: 'complaints' }),
  })
  .prefault({});
export type CrmMapping = z.infer<typeof crmMappingSchema>;

/** The CRM that screen pop asks for the caller's profile. Without profileUrl screen pop shows CTI data only. */
export const crmPolicySchema = z
  .strictObject({
    /** URL template with {customerId} and {phone} (URL-encoded when filled). */
    profileUrl: serviceUrl.optional(),
    /** Static request headers (no secrets here: the token lives in the host's secret storage). */
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'must be a header name'), z.string()).default({}),
    /** Header that carries the stored CRM token, and what precedes the token in it. */
    tokenHeader: z.string().regex(/^[A-Za-z0-9-]+$/, 'must be a header name').default('Authorization'),
    tokenPrefix: z.string().default('Bearer '),
    timeoutMs: z.number().int().min(100).max(30_000).default(1500),
    /** A larger answer is refused before it is parsed (Content-Length, else the bytes counted as they arrive). */
    maxResponseMb: z.number().min(0.01).max(100).default(2),
    /** How long a cached profile may be shown (always refreshed in the background); older ones are deleted. */
    cacheTtlMinutes: z.number().min(0).max(60 * 24 * 30).default(1440),
    /** From this age on the card shows the elderly-customer cue. */
    elderlyAge: z.number().int().min(40).max(120).default(65),
    mapping: crmMappingSchema,
  })
  .prefault({});

/** A host name (no scheme, port or path), e.g. kb-images.bank.example. */
const hostName = z.string().regex(/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/, 'must be a host name such as kb.bank.example');

/** The knowledge base (features/knowledge). Without packagePath the sample knowledge base ships in. */
export const knowledgePolicySchema = z
  .strictObject({
    /** A knowledge package file IT ships with the build; relative paths are relative to the policy file. */
    packagePath: z.string().min(1).max(4096).optional(),
    /** Delta sync server (GET ?since=<cursor>, ETag); none = no sync. */
    syncUrl: serviceUrl.optional(),
    /** Sync every this many minutes (and at start). */
    syncMinutes: z.number().min(1).max(24 * 60).default(30),
    /** A package file (its size on disk) or a sync delta (its bytes) larger than this is refused before it is parsed. */
    maxPackageMb: z.number().min(1).max(2048).default(256),
    /** Hosts whose https images may show in article bodies; none by default. */
    remoteContentHosts: z.array(hostName).max(100).default([]),
    /**
     * Keep the query of each opened search result on this computer (anonymised, date only, at most 5,000)
     * and offer "Export search feedback" for KB authors: candidate similar questions per article. Off by default.
     */
    feedbackExport: z.boolean().default(false),
  })
  .prefault({});
