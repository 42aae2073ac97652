/**
 * The knowledge package a new install starts with when the policy names none: the sample bank
 * knowledge base in assets/knowledge/sample-kb.json, loaded lazily as its own chunk. import.meta.glob
 * (not import) so the build does not depend on the file being there; without it the fallback applies.
 */
import { FALLBACK_PACKAGE } from './fallback-kb';

const sample = import.meta.glob<string>('../../../assets/knowledge/sample-kb.json', { query: '?raw', import: 'default' });

/** Where the default package came from, for messages. */
export const DEFAULT_PACKAGE_SOURCE = 'assets/knowledge/sample-kb.json';

/** The default package's JSON text. */
export async function defaultPackageText(): Promise<string> {
  const load = Object.values(sample)[0];
  return load ? load() : JSON.stringify(FALLBACK_PACKAGE);
}
