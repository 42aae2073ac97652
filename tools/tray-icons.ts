/**
 * `npx tsx tools/tray-icons.ts`: draws the tray icons into assets/tray/ from assets/icon.png — the app icon scaled
 * to 16 and 32 px with a coloured dot for the desk's state in the lower right (main/features/tray/tray-menu.ts
 * trayLooks). Deterministic: running it again writes the same bytes (the unit test checks the committed files).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trayLooks, type TrayLook } from '@main/features/tray/tray-menu';
import { decodePng, encodePng, type RgbaImage } from './png';

/** The dot's colour per look: grey not registered, green Ready, amber Not ready, red on a call or in wrap-up. */
export const LOOK_COLOURS: Record<TrayLook, readonly [number, number, number]> = {
  offline: [0x9a, 0xa0, 0xa6],
  ready: [0x1e, 0x8e, 0x3e],
  'not-ready': [0xf2, 0x99, 0x00],
  busy: [0xd9, 0x30, 0x25],
};

export const TRAY_SIZES = [16, 32] as const;

/** Box-filter downscale in premultiplied alpha (the icon's transparent corners do not darken its edge). */
function downscale(source: RgbaImage, size: number): Float64Array {
  const out = new Float64Array(size * size * 4);
  const step = source.width / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      let n = 0;
      for (let sy = Math.floor(y * step); sy < Math.floor((y + 1) * step); sy++) {
        for (let sx = Math.floor(x * step); sx < Math.floor((x + 1) * step); sx++) {
          const i = (sy * source.width + sx) * 4;
          const alpha = (source.pixels[i + 3] ?? 0) / 255;
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + ((source.pixels[i + c] ?? 0) / 255) * alpha;
          sum[3] = (sum[3] ?? 0) + alpha;
          n++;
        }
      }
      for (let c = 0; c < 4; c++) out[(y * size + x) * 4 + c] = (sum[c] ?? 0) / n;
    }
  }
  return out;
}

/** How much of pixel (x, y) a disc covers, 4×4 samples. */
function coverage(x: number, y: number, cx: number, cy: number, r: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if ((x + (sx + 0.5) / 4 - cx) ** 2 + (y + (sy + 0.5) / 4 - cy) ** 2 <= r * r) inside++;
  return inside / 16;
}

/** The dot's centre and radius for an icon size: lower right, a white ring around it for contrast on any taskbar. */
export function dotGeometry(size: number): { cx: number; cy: number; radius: number; ring: number } {
  const radius = size * 0.22;
  const ring = size / 16;
  const cx = size - radius - ring;
  return { cx, cy: cx, radius, ring };
}

/** Over-composites a premultiplied colour with the given coverage. */
function paint(image: Float64Array, index: number, rgb: readonly number[], cover: number): void {
  for (let c = 0; c < 3; c++) image[index + c] = ((rgb[c] ?? 0) / 255) * cover + (image[index + c] ?? 0) * (1 - cover);
  image[index + 3] = cover + (image[index + 3] ?? 0) * (1 - cover);
}

/** The icon for one look at one size. */
export function drawTrayIcon(source: RgbaImage, look: TrayLook, size: number): RgbaImage {
  const image = downscale(source, size);
  const { cx, cy, radius, ring } = dotGeometry(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      paint(image, i, [255, 255, 255], coverage(x, y, cx, cy, radius + ring));
      paint(image, i, LOOK_COLOURS[look], coverage(x, y, cx, cy, radius));
    }
  }
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const alpha = image[i * 4 + 3] ?? 0;
    for (let c = 0; c < 3; c++) pixels[i * 4 + c] = alpha === 0 ? 0 : Math.round(((image[i * 4 + c] ?? 0) / alpha) * 255);
    pixels[i * 4 + 3] = Math.round(alpha * 255);
  }
  return { width: size, height: size, pixels };
}

/** Every tray icon file: name → PNG bytes. */
export function trayIconFiles(appIcon: Uint8Array): Map<string, Buffer> {
  const source = decodePng(appIcon);
  const files = new Map<string, Buffer>();
  for (const look of trayLooks) for (const size of TRAY_SIZES) files.set(`${look}-${size}.png`, encodePng(drawTrayIcon(source, look, size)));
  return files;
}

export const ROOT = join(import.meta.dirname, '..');

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const folder = join(ROOT, 'assets', 'tray');
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of trayIconFiles(readFileSync(join(ROOT, 'assets', 'icon.png')))) {
    writeFileSync(join(folder, name), bytes);
    process.stdout.write(`assets/tray/${name} ${bytes.length} bytes\n`);
  }
}
