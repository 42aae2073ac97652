import { describe, expect, it } from 'vitest';
import { auditAsarEntries, importedPackages, unshippedImports, type AsarEntry } from '../../../../tools/packaging/asar-audit';

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
  unpacked('/node_modules/koffi/package.json'),
  unpacked('/node_modules/koffi/src/koffi/index.js'),
  unpacked('/node_modules/@koromix/koffi-linux-x64/koffi.node'),
  unpacked('/node_modules/sherpa-onnx-node/addon.js'),
  unpacked('/node_modules/sherpa-onnx-linux-x64/sherpa-onnx.node'),
  unpacked('/node_modules/sherpa-onnx-linux-x64/libonnxruntime.so'),
];

describe('auditAsarEntries', () => {
  it('accepts the bundles, package.json and unpacked native modules', () => {
    expect(auditAsarEntries(good)).toEqual([]);
  });

  it('refuses sources, source maps, tests and dev dependencies', () => {
    const problems = auditAsarEntries([
      ...good,
      packed('/out/main/index.js.map'),
      packed('/main/index.ts'),
      packed('/out/renderer/assets/app.test.js'),
      packed('/node_modules/zod/index.js'),
      packed('/test/unit/x.test.ts'),
    ]);
    expect(problems).toEqual([
      'source, source map or test in app.asar: /out/main/index.js.map',
      'not a bundle, package.json or native module: /main/index.ts',
      'source, source map or test in app.asar: /out/renderer/assets/app.test.js',
      'not a bundle, package.json or native module: /node_modules/zod/index.js',
      'not a bundle, package.json or native module: /test/unit/x.test.ts',
    ]);
  });

  it('refuses a native module packed inside the archive, where dlopen cannot read it', () => {
    const problems = auditAsarEntries(good.map((entry) => (entry.path.endsWith('sherpa-onnx.node') ? packed(entry.path) : entry)));
    expect(problems).toEqual([
      'native module file packed inside app.asar (must be in app.asar.unpacked): /node_modules/sherpa-onnx-linux-x64/sherpa-onnx.node',
      'no sherpa-onnx-<platform> package with a .node binary in app.asar.unpacked',
    ]);
  });

  it('names missing bundles and native modules', () => {
    const problems = auditAsarEntries(good.filter((entry) => !/preload|koffi/.test(entry.path)));
    expect(problems).toEqual([
      'missing from app.asar: /out/preload/index.cjs',
      'native module missing from app.asar.unpacked: koffi',
      'no @koromix/koffi-<platform> package with a .node binary in app.asar.unpacked',
    ]);
  });

  it('refuses anything else that was unpacked', () => {
    expect(auditAsarEntries([...good, unpacked('/out/renderer/assets/big.wasm')])).toEqual(['unpacked but not a native module: /out/renderer/assets/big.wasm']);
  });
});

describe('bundle imports', () => {
  it('finds bare imports and requires, not relative ones', () => {
    const code = `import { app } from "electron";import koffi from'koffi';const z = require("zod/v4");import("@scope/pkg/sub");import "./chunks/a.js";const x = require("node:fs");`;
    expect(importedPackages(code)).toEqual(['@scope/pkg', 'electron', 'koffi', 'node:fs', 'zod']);
  });

  it('flags what the package does not ship', () => {
    expect(unshippedImports(['electron', 'koffi', 'sherpa-onnx-node', 'node:fs', 'stream', 'electron-updater', 'zod'])).toEqual(['electron-updater', 'zod']);
  });
});
