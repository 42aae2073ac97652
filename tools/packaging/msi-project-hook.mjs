// electron-builder's msiProjectCreated hook (electron-builder.yml): adds the tel:/sip:/callto: handlers to the MSI.
// Hooks are loaded with require/import, so this shim is plain JavaScript; the work is msi-url-handlers.ts (unit-tested).
import { tsImport } from 'tsx/esm/api';

/** @param {string} projectFile the generated project.wxs, before WiX compiles it */
export default async function msiProjectCreated(projectFile) {
  const { addUrlHandlersToProject } = await tsImport('./msi-url-handlers.ts', import.meta.url);
  await addUrlHandlersToProject(projectFile);
}
