/**
 * Click-to-dial for the MSI (electron-builder's msiProjectCreated hook, msi-project-hook.mjs): electron-builder's
 * WiX template registers no protocols, so this adds one registry-only component to the generated project.wxs with
 * what assets/installer.nsh writes for NSIS: a ProgID per scheme (Lingxi.Url.tel …) and Default Programs
 * capabilities under RegisteredApplications, in HKLM (the MSI is per-machine). Windows Installer removes them on
 * uninstall. Lingxi also registers itself at run time (main/features/dial/protocol-client.ts, HKCU).
 */
import { readFile, writeFile } from 'node:fs/promises';

/** The schemes click-to-dial handles (common/dial/number.ts DIAL_SCHEMES; kept literal: this runs under plain tsx at pack time). */
export const MSI_URL_SCHEMES = ['tel', 'sip', 'callto'] as const;
/** Fixed for the product's life, like the upgrade code: Windows Installer tracks the component by it. */
export const URL_HANDLERS_COMPONENT_GUID = '{3C9A4E51-7B2D-4F86-A0C3-5E1D9B7F2A64}';

const GROUP_END = '</ComponentGroup>';

function value(key: string, data: string, name?: string, keyPath = false): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<RegistryValue Root="HKLM" Key="${escape(key)}"${name === undefined ? '' : ` Name="${escape(name)}"`} Type="string" Value="${escape(data)}"${keyPath ? ' KeyPath="yes"' : ''}/>`;
}

/** The component's XML for an app whose executable is `exe` in the install folder. */
export function urlHandlersComponent(exe: string): string {
  const program = `[APPLICATIONFOLDER]${exe}`;
  const lines = [
    value(String.raw`Software\Lingxi\Capabilities`, 'Lingxi', 'ApplicationName', true),
    value(String.raw`Software\Lingxi\Capabilities`, 'Contact-centre agent desktop: click-to-dial', 'ApplicationDescription'),
    ...MSI_URL_SCHEMES.flatMap((scheme) => {
      const progId = String.raw`Software\Classes\Lingxi.Url.${scheme}`;
      return [
        value(progId, `URL:${scheme} (Lingxi)`),
        value(progId, '', 'URL Protocol'),
        value(String.raw`${progId}\DefaultIcon`, `${program},0`),
        value(String.raw`${progId}\shell\open\command`, `"${program}" "%1"`),
        value(String.raw`Software\Lingxi\Capabilities\URLAssociations`, `Lingxi.Url.${scheme}`, scheme),
      ];
    }),
    value(String.raw`Software\RegisteredApplications`, String.raw`Software\Lingxi\Capabilities`, 'Lingxi'),
  ];
  return `<Component Id="LingxiUrlHandlers" Guid="${URL_HANDLERS_COMPONENT_GUID}">\n${lines.map((l) => `  ${l}`).join('\n')}\n</Component>\n`;
}

/**
 * Adds the URL handlers component to the ProductComponents group of electron-builder's project.wxs.
 * Throws when the template no longer has that group (an electron-builder upgrade changed it): the build must stop
 * rather than ship an MSI without click-to-dial.
 */
export function addUrlHandlers(wxs: string, exe: string): string {
  if (wxs.includes('Id="LingxiUrlHandlers"')) return wxs;
  const group = wxs.indexOf('<ComponentGroup Id="ProductComponents"');
  const end = group < 0 ? -1 : wxs.indexOf(GROUP_END, group);
  if (end < 0) throw new Error('project.wxs has no ComponentGroup "ProductComponents": electron-builder\'s MSI template changed; update tools/packaging/msi-url-handlers.ts');
  return `${wxs.slice(0, end)}${urlHandlersComponent(exe)}${wxs.slice(end)}`;
}

/** The hook's work on the file electron-builder wrote. */
export async function addUrlHandlersToProject(projectFile: string, exe = 'Lingxi.exe'): Promise<void> {
  await writeFile(projectFile, addUrlHandlers(await readFile(projectFile, 'utf8'), exe));
}
