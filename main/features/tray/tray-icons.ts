/**
 * The tray icon files (assets/tray/, drawn by tools/tray-icons.ts), bundled by electron-vite's `?asset` import:
 * the build copies each into out/main/chunks/ (inside the asar, so electron-builder.yml's `files` already ships
 * them) and the import is its absolute path at run time. 16 px for 100 % displays, 32 px for 200 %.
 */
import busy16 from '../../../assets/tray/busy-16.png?asset';
import busy32 from '../../../assets/tray/busy-32.png?asset';
import notReady16 from '../../../assets/tray/not-ready-16.png?asset';
import notReady32 from '../../../assets/tray/not-ready-32.png?asset';
import offline16 from '../../../assets/tray/offline-16.png?asset';
import offline32 from '../../../assets/tray/offline-32.png?asset';
import ready16 from '../../../assets/tray/ready-16.png?asset';
import ready32 from '../../../assets/tray/ready-32.png?asset';
import type { TrayIconFiles } from './tray-image';

export const TRAY_ICON_FILES: TrayIconFiles = {
  offline: { x1: offline16, x2: offline32 },
  ready: { x1: ready16, x2: ready32 },
  'not-ready': { x1: notReady16, x2: notReady32 },
  busy: { x1: busy16, x2: busy32 },
};
