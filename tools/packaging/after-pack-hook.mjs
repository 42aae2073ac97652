// electron-builder's afterPack hook (electron-builder.yml). Hooks are loaded with require/import, so this shim is
// plain JavaScript; the check itself is TypeScript (fuse-check.ts, unit-tested), loaded through tsx.
import { tsImport } from 'tsx/esm/api';

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { checkPackedFuses } = await tsImport('./fuse-check.ts', import.meta.url);
  await checkPackedFuses(context);
}
