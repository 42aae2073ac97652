/**
 * Reads the knowledge package the loaded policy names (`knowledge.packagePath`, relative to the policy
 * file). The renderer cannot name a file: the path comes from the policy main itself loaded. The text
 * is returned unparsed; the knowledge worker validates it with the shared package schema.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { KnowledgePackageFile } from '@common/contract/ipc';
import { formatBytes, megabytes } from '@common/read-body';

/** The package path, resolved against the policy file's folder; undefined when the policy names none. */
export function packageLocation(packagePath: string | undefined, policySource: string): string | undefined {
  return packagePath ? resolve(dirname(policySource), packagePath) : undefined;
}

/**
 * Reads the package. Never throws: a missing or unreadable file comes back as an error the UI shows.
 * @param packagePath the policy's knowledge.packagePath (undefined → null)
 * @param policySource the policy file it came from
 * @param maxPackageMb the policy's knowledge.maxPackageMb: a larger file is refused by its size on disk, unread
 */
export async function readKnowledgePackage(packagePath: string | undefined, policySource: string, maxPackageMb: number): Promise<KnowledgePackageFile | null> {
  const source = packageLocation(packagePath, policySource);
  if (!source) return null;
  try {
    const info = await stat(source);
    if (!info.isFile()) return { ok: false, source, error: `${source} is not a file` };
    const maxBytes = megabytes(maxPackageMb);
    if (info.size > maxBytes) {
      return { ok: false, source, error: `${source} is ${formatBytes(info.size)}, larger than the ${formatBytes(maxBytes)} knowledge.maxPackageMb allows; it was not read` };
    }
    return { ok: true, source, text: await readFile(source, 'utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, source, error: `cannot read ${source}: ${reason}` };
  }
}
