/**
 * `npm run dist:check` (after `electron-vite build`): packs `--linux dir` with electron-builder.yml against a
 * stand-in Electron (stand-in-electron.ts: this machine cannot download Electron's binary), then verifies the
 * package (asar-audit.ts) and prints the figures as one JSON object. Exit code 1 on any problem.
 * What only the release workflow proves: the real binary's fuses, signatures, notarization, the installers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { auditAsarEntries, bundleAssetPaths, importedPackages, lockJudge, shippedPackages, unshippedImports, type AsarEntry, type LockPackages } from './asar-audit';
import { diskSize } from './disk-size';
import { writeStandInElectron } from './stand-in-electron';

/** Measured 3.4 MB (asar) and 40.2 MB (asar + unpacked native modules) at this commit; budgets leave headroom. */
export const BUDGET = { asarBytes: 6_000_000, resourcesBytes: 50_000_000 } as const;

const root = join(import.meta.dirname, '..', '..');
const outputDir = join(root, 'dist', 'check');


function asarEntries(archive: string): AsarEntry[] {
  return listPackage(archive, { isPack: false })
    .map((path) => ({ path, stat: statFile(archive, path.slice(1), false) as { files?: unknown; unpacked?: boolean } }))
    .filter(({ stat }) => stat.files === undefined)
    .map(({ path, stat }) => ({ path, unpacked: stat.unpacked === true }));
}

function bundleImportProblems(shipped: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const dir of ['out/main', 'out/main/chunks', 'out/preload']) {
    if (!existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir)).filter((file) => /\.[cm]?js$/.test(file))) {
      const missing = unshippedImports(importedPackages(readFileSync(join(root, dir, name), 'utf8')), shipped);
      if (missing.length > 0) problems.push(`${dir}/${name} imports ${missing.join(', ')}, which the package does not ship (bundle it, or make it a production dependency)`);
    }
  }
  return problems;
}

/** Files the bundles load from beside themselves (the tray icons' `?asset` imports) that the archive lacks. */
function bundleAssetProblems(entries: readonly AsarEntry[]): { problems: string[]; assets: number } {
  const packed = new Set(entries.map((entry) => entry.path));
  const problems: string[] = [];
  let assets = 0;
  for (const dir of ['out/main', 'out/main/chunks']) {
    if (!existsSync(join(root, dir))) continue;
    for (const name of readdirSync(join(root, dir)).filter((file) => /\.[cm]?js$/.test(file))) {
      const paths = bundleAssetPaths(readFileSync(join(root, dir, name), 'utf8'), `/${dir}`);
      assets += paths.length;
      for (const path of paths) if (!packed.has(path)) problems.push(`${dir}/${name} loads ${path}, which app.asar does not hold`);
    }
  }
  return { problems, assets };
}

function main(): number {
  const started = performance.now();
  if (!existsSync(join(root, 'out/main/index.js'))) {
    process.stderr.write('dist:check: out/main/index.js is missing: run `npm run build` first (npm run dist:check does)\n');
    return 1;
  }
  const electronPackage = join(root, 'node_modules/electron');
  const version = (JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')) as { version: string }).version;
  const standIn = mkdtempSync(join(tmpdir(), 'lingxi-stand-in-electron-'));
  try {
    writeStandInElectron(standIn, version, electronPackage);
    rmSync(outputDir, { recursive: true, force: true });
    const builder = spawnSync(
      join(root, 'node_modules/.bin/electron-builder'),
      ['--linux', 'dir', '--config', 'electron-builder.yml', '--publish', 'never', `-c.electronDist=${standIn}`, `-c.directories.output=${relative(root, outputDir)}`],
      // app-update.yml needs a feed URL; the real one comes from the release workflow (and the policy at run time).
      { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, LINGXI_UPDATES_URL: process.env.LINGXI_UPDATES_URL ?? 'https://updates.example.invalid/lingxi' } },
    );
    if (builder.status !== 0) {
      process.stderr.write(`dist:check: electron-builder failed (${builder.error?.message ?? `exit code ${builder.status}`})\n`);
      return 1;
    }
  } finally {
    rmSync(standIn, { recursive: true, force: true });
  }
  const resources = join(outputDir, 'linux-unpacked', 'resources');
  const archive = join(resources, 'app.asar');
  const entries = asarEntries(archive);
  const figures = {
    asarBytes: diskSize(archive),
    unpackedBytes: diskSize(join(resources, 'app.asar.unpacked')),
    resourcesBytes: diskSize(resources),
    budget: BUDGET,
    asarFiles: entries.filter((entry) => !entry.unpacked).length,
    unpackedFiles: entries.filter((entry) => entry.unpacked).length,
    /** Files main's bundles load from beside themselves (`?asset`: the tray icons), each checked to be in the asar. */
    bundleAssets: 0,
    seconds: 0,
    note: 'resources/ only: the Electron binary is a stand-in here (no download); the release workflow packs the real one',
  };
  const lock = (JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: LockPackages }).packages;
  // A package's package.json is in the archive, or (native modules) beside it in app.asar.unpacked.
  const versionOf = (folder: string): string | undefined => {
    const unpackedFile = join(resources, 'app.asar.unpacked', folder, 'package.json');
    try {
      const text = existsSync(unpackedFile) ? readFileSync(unpackedFile, 'utf8') : extractFile(archive, `${folder}/package.json`).toString('utf8');
      return (JSON.parse(text) as { version?: string }).version;
    } catch {
      return undefined;
    }
  };
  const assets = bundleAssetProblems(entries);
  figures.bundleAssets = assets.assets;
  const problems = [...auditAsarEntries(entries, lockJudge(lock, versionOf)), ...bundleImportProblems(shippedPackages(entries)), ...assets.problems];
  for (const { path, unpacked } of entries) {
    if (unpacked && !existsSync(join(resources, 'app.asar.unpacked', path))) problems.push(`listed as unpacked but missing on disk: ${path}`);
  }
  if (figures.asarBytes > BUDGET.asarBytes) problems.push(`app.asar is ${figures.asarBytes} bytes, over the ${BUDGET.asarBytes}-byte budget`);
  if (figures.resourcesBytes > BUDGET.resourcesBytes) problems.push(`resources/ is ${figures.resourcesBytes} bytes, over the ${BUDGET.resourcesBytes}-byte budget`);
  figures.seconds = Math.round((performance.now() - started) / 100) / 10;
  process.stdout.write(`${JSON.stringify({ distCheck: problems.length === 0 ? 'passed' : 'failed', ...figures, problems }, null, 2)}\n`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
