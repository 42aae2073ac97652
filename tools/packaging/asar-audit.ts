/**
 * What `npm run dist:check` asserts about a packed app's resources: the asar holds the main, preload and renderer
 * bundles and package.json and nothing else; the native speech modules sit unpacked beside it; main's bundles
 * import no package that is not shipped. Pure functions over listings, so the rules are unit-tested.
 */
import { builtinModules } from 'node:module';

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
const REQUIRED = ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html'];
const SOURCE_OR_TEST = /(\.map|\.tsx?|\.test\.[cm]?js|\.spec\.[cm]?js)$/;

/** Problems with the archive's file entries (directories excluded); empty when it is as it must be. */
export function auditAsarEntries(entries: readonly AsarEntry[]): string[] {
  const problems: string[] = [];
  const paths = new Set(entries.map((entry) => entry.path));
  for (const path of REQUIRED) if (!paths.has(path)) problems.push(`missing from app.asar: ${path}`);
  for (const { path, unpacked } of entries) {
    const native = NATIVE_PACKAGE.test(path) || PLATFORM_PACKAGE.test(path);
    if (native) {
      if (!unpacked) problems.push(`native module file packed inside app.asar (must be in app.asar.unpacked): ${path}`);
      continue;
    }
    if (path !== '/package.json' && !BUNDLE.test(path)) problems.push(`not a bundle, package.json or native module: ${path}`);
    else if (SOURCE_OR_TEST.test(path)) problems.push(`source, source map or test in app.asar: ${path}`);
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

/** The bare module names a bundle imports or requires (relative imports excluded). */
export function importedPackages(code: string): string[] {
  const names = new Set<string>();
  const pattern = /\bfrom\s*["']([^"'./][^"']*)["']|\bimport\s*\(\s*["']([^"'./][^"']*)["']\s*\)|\brequire\s*\(\s*["']([^"'./][^"']*)["']\s*\)|^\s*import\s*["']([^"'./][^"']*)["']/gm;
  for (const match of code.matchAll(pattern)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names].sort();
}

/** Imports a packed bundle cannot satisfy: neither a Node built-in, electron, nor a shipped native module. */
export function unshippedImports(packages: readonly string[]): string[] {
  const builtins = new Set(builtinModules);
  const shipped = new Set<string>(['electron', ...NATIVE_PACKAGES]);
  return packages.filter((name) => !name.startsWith('node:') && !builtins.has(name) && !shipped.has(name));
}
