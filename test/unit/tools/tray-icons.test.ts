import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trayLooks } from '@main/features/tray/tray-menu';
import { decodePng } from '../../../tools/png';
import { dotGeometry, LOOK_COLOURS, ROOT, TRAY_SIZES, trayIconFiles } from '../../../tools/tray-icons';

describe('tray icons', () => {
  it('the committed assets/tray files are what tools/tray-icons.ts draws (run it after changing the icon)', () => {
    for (const [name, bytes] of trayIconFiles(readFileSync(join(ROOT, 'assets', 'icon.png')))) {
      expect(readFileSync(join(ROOT, 'assets', 'tray', name)).equals(bytes), name).toBe(true);
    }
  });

  it('each look shows its colour in the dot and the app icon around it, at both sizes, in a few hundred bytes', () => {
    for (const look of trayLooks) {
      for (const size of TRAY_SIZES) {
        const file = readFileSync(join(ROOT, 'assets', 'tray', `${look}-${size}.png`));
        expect(file.length).toBeLessThan(2048);
        const { width, pixels } = decodePng(file);
        expect(width).toBe(size);
        const { cx, cy } = dotGeometry(size);
        const at = (x: number, y: number) => [...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
        expect(at(Math.floor(cx), Math.floor(cy))).toEqual([...LOOK_COLOURS[look], 255]);
        // Top left of the tile is the app icon's teal, untouched by the dot.
        const [r, g, b, a] = at(Math.round(size / 4), Math.round(size / 4));
        expect(a).toBe(255);
        expect(g).toBeGreaterThan(r ?? 0);
        expect(b).toBeGreaterThan(r ?? 0);
      }
    }
  });
});
