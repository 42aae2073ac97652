/** Turns the tray icon files into Electron images with both scale factors, loaded once per look. */
import type { NativeImage } from 'electron';
import type { TrayLook } from './tray-menu';

/** Each look's 16 px (scale 1) and 32 px (scale 2) PNG paths. */
export type TrayIconFiles = Record<TrayLook, { x1: string; x2: string }>;

export interface TrayImageDeps {
  /** nativeImage.createEmpty. */
  createEmpty: () => NativeImage;
  readFile: (path: string) => Buffer;
}

/**
 * A loader for the tray's images: one NativeImage per look holding both sizes, so a 200 % display gets the sharp
 * 32 px one (the OS picks). A file that cannot be read throws with its path: a broken package must not start silently
 * without a tray.
 */
export function trayImages(files: TrayIconFiles, deps: TrayImageDeps): (look: TrayLook) => NativeImage {
  const cache = new Map<TrayLook, NativeImage>();
  return (look) => {
    const known = cache.get(look);
    if (known) return known;
    const image = deps.createEmpty();
    for (const [scaleFactor, path] of [[1, files[look].x1] as const, [2, files[look].x2] as const]) {
      // A PNG buffer without width/height: Electron decodes it (width/height would mean raw BGRA pixels).
      image.addRepresentation({ scaleFactor, buffer: deps.readFile(path) });
    }
    if (image.isEmpty()) throw new Error(`tray icon ${look} could not be loaded from ${files[look].x1}`);
    cache.set(look, image);
    return image;
  };
}
