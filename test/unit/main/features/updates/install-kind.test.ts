import { describe, expect, it } from 'vitest';
import { detectInstaller, type InstallFacts } from '@main/features/updates/install-kind';

const facts = (over: Partial<InstallFacts>): InstallFacts => ({
  platform: 'win32',
  isPackaged: true,
  exeDir: 'C:\\Program Files\\Lingxi',
  productName: 'Lingxi',
  packageType: undefined,
  appImage: undefined,
  exists: () => false,
  hasUpdateConfig: true,
  ...over,
});

describe('who installs updates on this machine', () => {
  it('Windows: the NSIS install (its uninstaller beside the exe) updates itself; an MSI install does not', () => {
    const nsis = facts({ exists: (path) => path === 'C:\\Program Files\\Lingxi\\Uninstall Lingxi.exe' });
    expect(detectInstaller(nsis, 'lingxi')).toEqual({ by: 'lingxi' });
    expect(detectInstaller(facts({}), 'lingxi')).toEqual({ by: 'it', why: 'installed from the MSI: IT pushes the new MSI' });
  });

  it('Linux: an AppImage updates itself; deb and rpm installs are the fleet tool’s', () => {
    expect(detectInstaller(facts({ platform: 'linux', appImage: '/opt/Lingxi.AppImage' }), 'lingxi')).toEqual({ by: 'lingxi' });
    expect(detectInstaller(facts({ platform: 'linux', packageType: 'deb' }), 'lingxi')).toMatchObject({ by: 'it', why: expect.stringMatching(/deb package/) });
    expect(detectInstaller(facts({ platform: 'linux', packageType: 'rpm', appImage: '/x' }), 'lingxi')).toMatchObject({ by: 'it' });
  });

  it('macOS updates itself; the policy (managedBy "it") and development runs never do', () => {
    expect(detectInstaller(facts({ platform: 'darwin' }), 'lingxi')).toEqual({ by: 'lingxi' });
    expect(detectInstaller(facts({ platform: 'darwin' }), 'it')).toMatchObject({ by: 'it', why: expect.stringMatching(/managedBy/) });
    expect(detectInstaller(facts({ platform: 'darwin', isPackaged: false }), 'lingxi')).toMatchObject({ by: 'it', why: expect.stringMatching(/development/) });
  });

  it('a package built without app-update.yml cannot update itself, and says how to fix the build', () => {
    expect(detectInstaller(facts({ platform: 'darwin', hasUpdateConfig: false }), 'lingxi')).toEqual({
      by: 'it',
      why: 'the package has no app-update.yml: build it with a generic "publish" entry in electron-builder.yml',
    });
  });
});
