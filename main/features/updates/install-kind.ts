/**
 * Who installs updates on this machine: Lingxi itself (NSIS per-machine install, macOS zip, AppImage) or IT's
 * software distribution (MSI, deb/rpm from the fleet tool, a development run). Pure: the facts are injected.
 */

export interface InstallFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** The directory of the running executable. */
  exeDir: string;
  productName: string;
  /** process.resourcesPath's `package-type` file's text (electron-builder writes it into deb and rpm builds). */
  packageType: string | undefined;
  /** The APPIMAGE environment variable (set by the AppImage runtime). */
  appImage: string | undefined;
  exists(path: string): boolean;
  /** Whether resources/app-update.yml exists (electron-builder writes it when electron-builder.yml has a publish entry). */
  hasUpdateConfig: boolean;
}

export type InstalledBy = { by: 'lingxi' } | { by: 'it'; why: string };

/** Decides whether electron-updater may install here, and why not when it may not. */
export function detectInstaller(facts: InstallFacts, managedBy: 'lingxi' | 'it'): InstalledBy {
  if (managedBy === 'it') return { by: 'it', why: 'the policy says updates.managedBy "it"' };
  if (!facts.isPackaged) return { by: 'it', why: 'a development run (not packaged) does not update itself' };
  // electron-updater keeps its download cache by this file's updaterCacheDirName: without it no download completes.
  if (!facts.hasUpdateConfig) {
    return { by: 'it', why: 'the package has no app-update.yml: build it with a generic "publish" entry in electron-builder.yml' };
  }
  if (facts.platform === 'win32') {
    // The NSIS installer leaves its uninstaller beside the executable; an MSI install has none (Windows Installer keeps it).
    const uninstaller = `${facts.exeDir}\\Uninstall ${facts.productName}.exe`;
    return facts.exists(uninstaller) ? { by: 'lingxi' } : { by: 'it', why: 'installed from the MSI: IT pushes the new MSI' };
  }
  if (facts.platform === 'linux') {
    if (facts.packageType === 'deb' || facts.packageType === 'rpm') return { by: 'it', why: `installed from the ${facts.packageType} package: the fleet tool updates it` };
    return facts.appImage ? { by: 'lingxi' } : { by: 'it', why: 'not an AppImage: the package manager updates it' };
  }
  return { by: 'lingxi' };
}
