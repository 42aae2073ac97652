/**
 * What `npm run dist:check` asserts about a packed app's resources: the asar holds the main, preload and renderer
 * bundles, package.json and the production dependencies the bundles keep external, and nothing else (no sources,
 * source maps, tests or dev dependencies); the native speech modules sit unpacked beside it; the bundles import
 * no package that is not shipped. Pure functions over listings, so the rules are unit-tested.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

export interface AsarEntry {
  /** As @electron/asar lists it: '/out/main/index.js'. */
  path: string;
  /** Stored in app.asar.unpacked rather than in the archive. */
  unpacked: boolean;
}

/** The packages main's bundles keep external: native, so unpacked beside the asar (electron-builder.yml asarUnpack). */
export const NATIVE_PACKAGES = ['koffi', 'sherpa-onnx-node'] as const;
/** The per-platform packages holding the native binaries (koffi 3's and sherpa-onnx's optional dependencies). */
const PLATFORM_PACKAGE = /^\/node_modules\/(@koromix\/koffi-[a-z0-9]+-[a-z0-9]+|sherpa-onnx-(?!node\/)[a-z0-9]+-[a-z0-9]+)\//;
const NATIVE_PACKAGE = new RegExp(`^/node_modules/(${NATIVE_PACKAGES.join('|')})/`);
const BUNDLE = /^\/out\/(main|preload|renderer)\//;
/** The sample knowledge base main hands the speech service as its default corpus (main/index.ts). */
const SAMPLE_KB = '/assets/knowledge/sample-kb.json';
const REQUIRED = ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', SAMPLE_KB];
const SOURCE_OR_TEST = /(\.map|\.tsx?|\.test\.[cm]?js|\.spec\.[cm]?js)$/;
/** The innermost package folder of a node_modules path: '/node_modules/a/node_modules/@s/b/x.js' → 'node_modules/a/node_modules/@s/b'. */
const PACKAGE_FOLDER = /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\//;

/** package-lock.json's packages, as much as the audit reads: each install path's version and whether it is dev-only. */
export type LockPackages = Record<string, { version?: string; dev?: boolean; devOptional?: boolean } | undefined>;

/** What a packed node_modules package folder is, judged by package-lock.json. */
export type PackageKind = 'production' | 'dev' | 'unknown';

/**
 * Judges a packed package folder by its name and version rather than its path: electron-builder hoists nested
 * dependencies (electron-updater's own semver lands in /node_modules/semver), so the packed path need not be
 * the install path. Production when some non-dev install of that name has that version.
 * @param versionOf the version in the packed folder's package.json
 */
export function lockJudge(lock: LockPackages, versionOf: (folder: string) => string | undefined): (folder: string) => PackageKind {
  const verdicts = new Map<string, PackageKind>();
  return (folder) => {
    const known = verdicts.get(folder);
    if (known) return known;
    const name = folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const version = versionOf(folder);
    const installs = Object.entries(lock).filter(([path, entry]) => (path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`)) && entry?.version === version);
    const kind: PackageKind = installs.length === 0 ? 'unknown' : installs.some(([, entry]) => !entry?.dev && !entry?.devOptional) ? 'production' : 'dev';
    verdicts.set(folder, kind);
    return kind;
  };
}

/**
 * Problems with the archive's file entries (directories excluded); empty when it is as it must be.
 * @param kindOf what a packed node_modules package folder is (lockJudge): it must be a production dependency
 */
export function auditAsarEntries(entries: readonly AsarEntry[], kindOf: (folder: string) => PackageKind): string[] {
  const problems: string[] = [];
  const paths = new Set(entries.map((entry) => entry.path));
  for (const path of REQUIRED) if (!paths.has(path)) problems.push(`missing from app.asar: ${path}`);
  for (const { path, unpacked } of entries) {
    const native = NATIVE_PACKAGE.test(path) || PLATFORM_PACKAGE.test(path);
    if (native) {
      if (!unpacked) problems.push(`native module file packed inside app.asar (must be in app.asar.unpacked): ${path}`);
      continue;
    }
    const folder = PACKAGE_FOLDER.exec(path)?.[1];
    const kind = folder === undefined ? undefined : kindOf(folder);
    if (kind === 'unknown') problems.push(`not a package npm installed (package-lock.json): ${path}`);
    else if (kind === 'dev') problems.push(`dev dependency in app.asar: ${path}`);
    else if (folder === undefined && path !== '/package.json' && path !== SAMPLE_KB && !BUNDLE.test(path)) problems.push(`not a bundle, package.json or dependency: ${path}`);
    if (SOURCE_OR_TEST.test(path)) problems.push(`source, source map or test in app.asar: ${path}`);
    if (unpacked) problems.push(`unpacked but not a native module: ${path}`);
  }
  for (const name of NATIVE_PACKAGES) {
    if (!entries.some((entry) => entry.path.startsWith(`/node_modules/${name}/`) && entry.unpacked)) problems.push(`native module missing from app.asar.unpacked: ${name}`);
  }
  const binaries = entries.filter((entry) => entry.unpacked && entry.path.endsWith('.node') && PLATFORM_PACKAGE.test(entry.path));
  for (const family of ['@koromix/koffi-', 'sherpa-onnx-']) {
    if (!binaries.some((entry) => entry.path.startsWith(`/node_modules/${family}`))) problems.push(`no ${family}<platform> package with a .node binary in app.asar.unpacked`);
  }
  return problems;
}

/** Whether the text before `index` on its line makes it a comment line (`// …`, ` * …` inside a JSDoc block). */
function inCommentLine(code: string, index: number): boolean {
  return /^\s*(?:\/\/|\/?\*)/.test(code.slice(code.lastIndexOf('\n', index - 1) + 1, index));
}

/**
 * The bare module names a bundle imports or requires (relative imports excluded). Examples in a bundled
 * library's comments (sonic-boom, inside pino: ` * - import SonicBoom from 'SonicBoom'`) are not imports.
 */
export function importedPackages(code: string): string[] {
  const names = new Set<string>();
  const pattern = /\bfrom\s*["']([^"'./][^"']*)["']|\bimport\s*\(\s*["']([^"'./][^"']*)["']\s*\)|\brequire\s*\(\s*["']([^"'./][^"']*)["']\s*\)|^\s*import\s*["']([^"'./][^"']*)["']/gm;
  for (const match of code.matchAll(pattern)) {
    if (inCommentLine(code, match.index)) continue;
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names].sort();
}

/** The top-level packages an app.asar ships (those with /node_modules/<name>/package.json). */
export function shippedPackages(entries: readonly AsarEntry[]): Set<string> {
  const names = entries.map((entry) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(entry.path)?.[1]);
  return new Set(names.filter((name): name is string => name !== undefined));
}

/**
 * The files a bundle loads by a path beside itself: what electron-vite's `?asset` import emits
 * (`join(import.meta.dirname, "./chunks/busy-16-….png")`, main/features/tray/tray-icons.ts), as archive paths.
 * @param bundleDir the bundle's folder in the archive, e.g. '/out/main'
 */
export function bundleAssetPaths(code: string, bundleDir: string): string[] {
  const paths = new Set<string>();
  for (const match of code.matchAll(/\b(?:import\.meta\.dirname|__dirname)\s*,\s*["'](\.\/[^"']+)["']/g)) {
    paths.add(posix.join(bundleDir, match[1] ?? ''));
  }
  return [...paths].sort();
}

/** Imports a packed bundle cannot satisfy: neither a Node built-in, electron, nor a shipped package. */
export function unshippedImports(packages: readonly string[], shipped: ReadonlySet<string>): string[] {
  const builtins = new Set(builtinModules);
  return packages.filter((name) => !name.startsWith('node:') && !builtins.has(name) && name !== 'electron' && !shipped.has(name));
}
