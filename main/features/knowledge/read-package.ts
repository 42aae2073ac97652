/**
 * Reads the knowledge package the loaded policy names (`knowledge.packagePath`, relative to the policy
 * file). The renderer cannot name a file: the path comes from the policy main itself loaded. The text
 * is returned unparsed; the knowledge worker validates it with the shared package schema.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { KnowledgePackageFile } from '@common/contract/ipc';

/** Packages larger than this are refused before reading (100,000 long articles fit well below it). */
export const MAX_PACKAGE_BYTES = 256 * 1024 * 1024;

/** The package path, resolved against the policy file's folder; undefined when the policy names none. */
export function packageLocation(packagePath: string | undefined, policySource: string): string | undefined {
  return packagePath ? resolve(dirname(policySource), packagePath) : undefined;
}

/**
 * Reads the package. Never throws: a missing or unreadable file comes back as an error the UI shows.
 * @param packagePath the policy's knowledge.packagePath (undefined → null)
 * @param policySource the policy file it came from
 */
export async function readKnowledgePackage(packagePath: string | undefined, policySource: string): Promise<KnowledgePackageFile | null> {
  const source = packageLocation(packagePath, policySource);
  if (!source) return null;
  try {
    const info = await stat(source);
    if (!info.isFile()) return { ok: false, source, error: `${source} is not a file` };
    if (info.size > MAX_PACKAGE_BYTES) return { ok: false, source, error: `${source} is larger than ${MAX_PACKAGE_BYTES} bytes` };
    return { ok: true, source, text: await readFile(source, 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, source, error: `cannot read ${source}: ${reason}` };
  }
}
