/**
 * `npm run lint:electron` (after `npm run build`): Doyensec Electronegativity over the main and preload sources and
 * the built page (out/renderer/index.html: the CSP meta the build writes), scanned as one app, offline. Every finding
 * must be fixed or accepted with its reason in electronegativity.json (matched by check id and file); the run
 * fails on a new finding, and on an accepted one that no longer occurs (so the list stays true).
 * Offline: the Electron version comes from node_modules/electron (no release-list download), the check that
 * compares it with Electron's online release list is excluded (keeping Electron current is Dependabot's job), and
 * Electronegativity's startup fetch of translations is replaced by its bundled English strings.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..');
const packageDir = join(root, 'node_modules/@doyensec/electronegativity');

/** The directories scanned: everything that runs with Node or Electron privileges. */
export const SCANNED = ['main', 'preload'] as const;
/** The page the app loads, as built (its CSP meta is written by the build). */
const BUILT_PAGE = 'out/renderer/index.html';
/** Needs Electron's release list from the network. */
const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const acceptedSchema = z.object({
  $comment: z.string().optional(),
  accepted: z.array(z.object({ id: z.string(), file: z.string(), reason: z.string().min(10) }).strict()),
});
export type Accepted = z.infer<typeof acceptedSchema>['accepted'][number];

export interface Finding {
  id: string;
  /** Relative to the repository root. */
  file: string;
  line: number;
  description: string;
}

/** Splits findings into new ones (fail) and accepted entries that match nothing any more (stale: fail too). */
export function triage(findings: readonly Finding[], accepted: readonly Accepted[]): { fresh: Finding[]; stale: Accepted[] } {
  const key = (id: string, file: string) => `${id}\u0000${file}`;
  const acceptedKeys = new Set(accepted.map((entry) => key(entry.id, entry.file)));
  const foundKeys = new Set(findings.map((finding) => key(finding.id, finding.file)));
  return {
    fresh: findings.filter((finding) => !acceptedKeys.has(key(finding.id, finding.file))),
    stale: accepted.filter((entry) => !foundKeys.has(key(entry.id, entry.file))),
  };
}

/** Electronegativity's own i18n module, minus the network: the bundled en-US strings, set up as it does. */
function installOfflineStrings(): void {
  const i18n = createRequire(join(packageDir, 'package.json'))('i18n') as { configure(options: object): void; setLocale(locale: string): void };
  const modulePath = require.resolve(join(packageDir, 'dist/locales/i18n.js'));
  const offline = async (): Promise<void> => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: join(packageDir, 'dist/locales'), updateFiles: false, objectNotation: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  require.cache[modulePath] = { id: modulePath, filename: modulePath, loaded: true, exports: Object.assign(offline, { default: offline }) } as unknown as NodeJS.Module;
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  description: string;
}

/**
 * Scans the sources and the built page as one app: the global checks (CSP, navigation limits, permission handler)
 * look across all files, so scanning main/ and preload/ separately would report what the other holds as missing.
 */
async function scan(electronVersion: string): Promise<Finding[]> {
  const stage = mkdtempSync(join(tmpdir(), 'lingxi-electronegativity-'));
  try {
    for (const dir of SCANNED) cpSync(join(root, dir), join(stage, dir), { recursive: true });
    cpSync(join(root, BUILT_PAGE), join(stage, BUILT_PAGE));
    return (await scanDir(stage, electronVersion)).map((finding) => ({ ...finding, file: finding.file === 'N/A' ? finding.file : relative(stage, finding.file) }));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

async function scanDir(dir: string, electronVersion: string): Promise<Finding[]> {
  // The runner module's export is the function itself (module.exports = exports.default).
  const run = require(join(packageDir, 'dist/runner.js')) as (options: object, forCli: boolean) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;
  const result = await run({ input: dir, electronVersionOverride: electronVersion, excludeFromScan: ONLINE_CHECKS, isRelative: false, parserPlugins: [] }, false);
  const fatal = result.errors.filter((error) => !error.tolerable);
  if (fatal.length > 0) throw new Error(`electronegativity could not parse: ${fatal.map((error) => `${relative(dir, error.file)}: ${error.message}`).join('; ')}`);
  return result.issues.map((issue) => ({ id: issue.id, file: issue.file, line: issue.location.line, description: issue.description }));
}

async function main(): Promise<number> {
  installOfflineStrings();
  const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
  const accepted = acceptedSchema.parse(JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'))).accepted;
  if (!existsSync(join(root, BUILT_PAGE))) throw new Error(`${BUILT_PAGE} is missing: run \`npm run build\` first`);
  const findings = await scan(electronVersion);
  const { fresh, stale } = triage(findings, accepted);
  for (const finding of fresh) process.stderr.write(`new finding: ${finding.id} ${finding.file}:${finding.line}: ${finding.description}\n  fix it, or accept it with its reason in electronegativity.json\n`);
  for (const entry of stale) process.stderr.write(`accepted but no longer found (remove it from electronegativity.json): ${entry.id} ${entry.file}\n`);
  process.stdout.write(`electronegativity ${electronVersion}: ${findings.length} finding(s) in ${SCANNED.join(', ')} and ${BUILT_PAGE}, ${findings.length - fresh.length} accepted, ${fresh.length} new, ${stale.length} stale\n`);
  return fresh.length === 0 && stale.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`lint:electron: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
