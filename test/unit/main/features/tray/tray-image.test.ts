import { readFileSync } from 'node:fs';
import type { NativeImage } from 'electron';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_FILES } from '@main/features/tray/tray-icons';
import { trayImages } from '@main/features/tray/tray-image';
import { trayLooks } from '@main/features/tray/tray-menu';
import { decodePng } from '../../../../../tools/png';

/** A NativeImage that keeps what was added to it. */
function fakeImage() {
  const representations: Array<{ scaleFactor?: number; buffer?: Buffer }> = [];
  const image = { representations, addRepresentation: (r: (typeof representations)[number]) => void representations.push(r), isEmpty: () => representations.length === 0 };
  return image;
}

describe('tray images', () => {
  it('loads each look once with the 16 px icon at scale 1 and the 32 px one at scale 2, from the bundled files', () => {
    const read: string[] = [];
    const images = trayImages(TRAY_ICON_FILES, {
      createEmpty: () => fakeImage() as unknown as NativeImage,
      readFile: (path) => (read.push(path), readFileSync(path)),
    });
    for (const look of trayLooks) {
      const image = images(look) as unknown as ReturnType<typeof fakeImage>;
      expect(images(look)).toBe(image);
      expect(image.representations.map((r) => [r.scaleFactor, r.buffer && decodePng(r.buffer).width])).toEqual([
        [1, 16],
        [2, 32],
      ]);
    }
    expect(read).toHaveLength(trayLooks.length * 2);
  });

  it('fails with the path when an icon cannot be read, rather than showing an empty tray', () => {
    const images = trayImages(TRAY_ICON_FILES, {
      createEmpty: () => fakeImage() as unknown as NativeImage,
      readFile: (path) => {
        throw new Error(`ENOENT: ${path}`);
      },
    });
    expect(() => images('ready')).toThrow(/ENOENT: .*ready-16/);
  });
});
