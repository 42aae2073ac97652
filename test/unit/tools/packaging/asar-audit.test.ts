import { describe, expect, it } from 'vitest';
import { auditAsarEntries, bundleAssetPaths, importedPackages, lockJudge, shippedPackages, unshippedImports, type AsarEntry, type LockPackages } from '../../../../tools/packaging/asar-audit';

const packed = (path: string): AsarEntry => ({ path, unpacked: false });
const unpacked = (path: string): AsarEntry => ({ path, unpacked: true });

/** The listing of a good package, as dist:check reads it from app.asar (files only). */
const good: AsarEntry[] = [
  packed('/package.json'),
  packed('/out/main/index.js'),
  packed('/out/main/speech-service.js'),
  packed('/out/preload/index.cjs'),
  packed('/out/renderer/index.html'),
  packed('/out/renderer/assets/index-abc.js'),
  packed('/assets/knowledge/sample-kb.json'),
  unpacked('/node_modules/koffi/package.json'),
  unpacked('/node_modules/koffi/src/koffi/index.js'),
  unpacked('/node_modules/@koromix/koffi-linux-x64/koffi.node'),
  unpacked('/node_modules/sherpa-onnx-node/addon.js'),
  unpacked('/node_modules/sherpa-onnx-linux-x64/sherpa-onnx.node'),
  unpacked('/node_modules/sherpa-onnx-linux-x64/libonnxruntime.so'),
  packed('/node_modules/electron-updater/package.json'),
  packed('/node_modules/electron-updater/out/main.js'),
  packed('/node_modules/fs-extra/node_modules/universalify/index.js'),
];

/** package-lock.json's packages: production entries have no `dev` flag. */
const lockPackages: LockPackages = {
  'node_modules/electron-updater': { version: '6.8.10' },
  'node_modules/electron-updater/node_modules/semver': { version: '7.7.4' },
  'node_modules/semver': { version: '7.8.6', dev: true },
  'node_modules/fs-extra/node_modules/universalify': { version: '2.0.1' },
  'node_modules/zod': { version: '4.6.7', dev: true },
  'node_modules/fsevents': { version: '2.3.3', devOptional: true },
};
/** The versions in the packed folders' package.json files. */
const packedVersions: Record<string, string> = {
  'node_modules/electron-updater': '6.8.10',
  'node_modules/fs-extra/node_modules/universalify': '2.0.1',
  'node_modules/zod': '4.6.7',
  'node_modules/fsevents': '2.3.3',
  'node_modules/left-pad': '1.3.0',
};
const lock = lockJudge(lockPackages, (folder) => packedVersions[folder]);

describe('auditAsarEntries', () => {
  it('accepts the bundles, package.json, production dependencies and unpacked native modules', () => {
    expect(auditAsarEntries(good, lock)).toEqual([]);
  });

  it('refuses sources, source maps, tests and dev dependencies', () => {
    const problems = auditAsarEntries(
      [
        ...good,
        packed('/out/main/index.js.map'),
        packed('/main/index.ts'),
        packed('/out/renderer/assets/app.test.js'),
        packed('/node_modules/zod/index.js'),
        packed('/node_modules/fsevents/fsevents.js'),
        packed('/node_modules/electron-updater/out/main.d.ts'),
        packed('/node_modules/left-pad/index.js'),
      ],
      lock,
    );
    expect(problems).toEqual([
      'source, source map or test in app.asar: /out/main/index.js.map',
      'not a bundle, package.json or dependency: /main/index.ts',
      'source, source map or test in app.asar: /main/index.ts',
      'source, source map or test in app.asar: /out/renderer/assets/app.test.js',
      'dev dependency in app.asar: /node_modules/zod/index.js',
      'dev dependency in app.asar: /node_modules/fsevents/fsevents.js',
      'source, source map or test in app.asar: /node_modules/electron-updater/out/main.d.ts',
      'not a package npm installed (package-lock.json): /node_modules/left-pad/index.js',
    ]);
  });

  it('refuses a native module packed inside the archive, where dlopen cannot read it', () => {
    const problems = auditAsarEntries(
      good.map((entry) => (entry.path.endsWith('sherpa-onnx.node') ? packed(entry.path) : entry)),
      lock,
    );
    expect(problems).toEqual([
      'native module file packed inside app.asar (must be in app.asar.unpacked): /node_modules/sherpa-onnx-linux-x64/sherpa-onnx.node',
      'no sherpa-onnx-<platform> package with a .node binary in app.asar.unpacked',
    ]);
  });

  it('names missing bundles and native modules', () => {
    const problems = auditAsarEntries(
      good.filter((entry) => !/preload|koffi/.test(entry.path)),
      lock,
    );
    expect(problems).toEqual([
      'missing from app.asar: /out/preload/index.cjs',
      'native module missing from app.asar.unpacked: koffi',
      'no @koromix/koffi-<platform> package with a .node binary in app.asar.unpacked',
    ]);
  });

  it('judges a hoisted package by name and version: electron-updater\'s semver 7.7.4 is production, the dev 7.8.6 is not', () => {
    const hoisted = (version: string) => lockJudge(lockPackages, (folder) => (folder === 'node_modules/semver' ? version : packedVersions[folder]));
    const withSemver = [...good, packed('/node_modules/semver/index.js')];
    expect(auditAsarEntries(withSemver, hoisted('7.7.4'))).toEqual([]);
    expect(auditAsarEntries(withSemver, hoisted('7.8.6'))).toEqual(['dev dependency in app.asar: /node_modules/semver/index.js']);
  });

  it('refuses anything else that was unpacked', () => {
    expect(auditAsarEntries([...good, unpacked('/out/renderer/assets/big.wasm')], lock)).toEqual(['unpacked but not a native module: /out/renderer/assets/big.wasm']);
  });
});

describe('bundle imports', () => {
  it('finds bare imports and requires, not relative ones', () => {
    const code = `import { app } from "electron";import koffi from'koffi';const z = require("zod/v4");import("@scope/pkg/sub");import "./chunks/a.js";const x = require("node:fs");`;
    expect(importedPackages(code)).toEqual(['@scope/pkg', 'electron', 'koffi', 'node:fs', 'zod']);
  });

  // A comment after code on the same line still counts (telling it from a `//` in a string needs a parser): that errs on the safe side.
  it('skips examples on comment lines (a bundled library’s JSDoc), not the code around them', () => {
    const code = `/**\n * - \`import SonicBoom from 'SonicBoom'\`\n * - require("not-a-dep")\n */\n// import x from "also-not"\nconst a = require("node:fs");\n`;
    expect(importedPackages(code)).toEqual(['node:fs']);
  });

  it('flags what the package does not ship', () => {
    const shipped = shippedPackages([...good, unpacked('/node_modules/koffi/package.json'), unpacked('/node_modules/sherpa-onnx-node/package.json')]);
    expect([...shipped].sort()).toEqual(['electron-updater', 'koffi', 'sherpa-onnx-node']);
    expect(unshippedImports(['electron', 'koffi', 'sherpa-onnx-node', 'node:fs', 'stream', 'electron-updater', 'zod', 'ws'], shipped)).toEqual(['zod', 'ws']);
  });
});

describe('bundle assets', () => {
  it('finds the files electron-vite\'s ?asset imports load from beside the bundle, as archive paths', () => {
    const code = `var busy_16_default = join$1(import.meta.dirname, "./chunks/busy-16-DLoaMIXZ.png");
var old = join(__dirname, './chunks/ready-32-x.png');
var again = join$1(import.meta.dirname, "./chunks/busy-16-DLoaMIXZ.png");
var other = join(app.getAppPath(), "assets");`;
    expect(bundleAssetPaths(code, '/out/main')).toEqual(['/out/main/chunks/busy-16-DLoaMIXZ.png', '/out/main/chunks/ready-32-x.png']);
  });
});
