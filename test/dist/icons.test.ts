// The icon script: every size each target needs, in files that read back as what they claim to be,
// the committed icons current with their sources, and tray states told apart by shape, not colour.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icnsTypes, icoSizes, pngSize } from '../../scripts/icon-files.ts';
import { appIconSource, iconPlan, makeIcons, manifestFile, staleIcons } from '../../scripts/make-icons.ts';
import type { IconManifest } from '../../scripts/make-icons.ts';
import { trayIconKinds, trayIconSvg } from '../../scripts/tray-icon-svg.ts';
import type { TrayIconVariant } from '../../scripts/tray-icon-svg.ts';

const root = join(import.meta.dirname, '..', '..');
const appSvg = readFileSync(join(root, appIconSource), 'utf8');
let outDir = '';
let manifest: IconManifest;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'chatdesk-icons-'));
  manifest = await makeIcons(appSvg, outDir);
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(join(outDir, file));

describe('npm run icons', () => {
  it('writes every planned file with the sizes planned for it', () => {
    for (const job of iconPlan(appSvg)) {
      const bytes = read(job.file);
      if (job.format === 'png') expect(pngSize(bytes), job.file).toEqual({ width: job.size, height: job.size });
      if (job.format === 'ico') expect(icoSizes(bytes), job.file).toEqual(job.sizes);
      if (job.format === 'icns') expect(icnsTypes(bytes), job.file).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10']));
    }
  });

  it('covers each platform: a 1024 px PNG, an .ico up to 256 px, an .icns, and Linux’s NxN folder', () => {
    expect(pngSize(read('icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(icoSizes(read('icon.ico'))).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(icnsTypes(read('icon.icns'))).toContain('ic10'); // 1024 px (512 pt @2x)
    for (const size of [16, 32, 48, 128, 256, 512]) expect(pngSize(read(`icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
  });

  it('writes the tray icon files the tray adapter asks for, for every state and platform', () => {
    for (const kind of trayIconKinds) {
      expect(pngSize(read(`tray/${kind}.png`))).toEqual({ width: 16, height: 16 });
      expect(pngSize(read(`tray/${kind}@2x.png`))).toEqual({ width: 32, height: 32 });
      expect(pngSize(read(`tray/${kind}Template.png`))).toEqual({ width: 16, height: 16 });
      expect(pngSize(read(`tray/${kind}Template@2x.png`))).toEqual({ width: 32, height: 32 });
      expect(icoSizes(read(`tray/${kind}.ico`))).toEqual(expect.arrayContaining([16, 24, 32]));
    }
  });

  it('records what it made in a manifest', () => {
    expect(JSON.parse(read(manifestFile).toString('utf8'))).toEqual(manifest);
    expect(Object.keys(manifest.files)).toHaveLength(iconPlan(appSvg).length);
  });

  it('finds the committed icons in build/ current with their sources', () => {
    expect(staleIcons(appSvg, join(root, 'build'))).toEqual([]);
  });

  it('notices icons left behind by a design change, and a missing file', () => {
    const copy = mkdtempSync(join(tmpdir(), 'chatdesk-icons-stale-'));
    try {
      cpSync(outDir, copy, { recursive: true });
      expect(staleIcons(appSvg, copy)).toEqual([]);
      expect(staleIcons(appSvg.replace('#14b8a6', '#2563eb'), copy)).toContainEqual(expect.stringContaining('sources changed'));
      rmSync(join(copy, 'tray', 'offline@2x.png'));
      writeFileSync(join(copy, 'icon.png'), 'not a png');
      const problems = staleIcons(appSvg, copy);
      expect(problems).toContainEqual(expect.stringContaining('tray/offline@2x.png is missing'));
      expect(problems).toContainEqual(expect.stringContaining('icon.png holds unreadable'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

/** RGBA pixels of a tray icon rendered at 32 px. */
function pixels(kind: (typeof trayIconKinds)[number], variant: TrayIconVariant): Buffer {
  return new Resvg(trayIconSvg(kind, variant), { fitTo: { mode: 'width', value: 32 }, font: { loadSystemFonts: false } }).render().pixels;
}

/** Which pixels are glyph ink: white on the coloured icons, opaque black on the templates. */
function glyphMask(kind: (typeof trayIconKinds)[number], variant: TrayIconVariant): boolean[] {
  const rgba = pixels(kind, variant);
  const mask: boolean[] = [];
  for (let i = 0; i < rgba.length; i += 4) {
    const [r = 0, g = 0, b = 0, a = 0] = rgba.subarray(i, i + 4);
    mask.push(variant === 'colour' ? a > 200 && r > 200 && g > 200 && b > 200 : a > 128);
  }
  return mask;
}

describe('tray icon design', () => {
  it('draws the macOS template images in black and transparency only, so the system can tint them', () => {
    for (const kind of trayIconKinds) {
      const rgba = pixels(kind, 'template');
      for (let i = 0; i < rgba.length; i += 4) {
        if ((rgba[i + 3] ?? 0) > 0) expect([rgba[i], rgba[i + 1], rgba[i + 2]]).toEqual([0, 0, 0]);
      }
    }
  });

  it('reads on light and dark task bars: a dark fill that keeps the white glyph legible, inside a light rim', () => {
    const luminance = (r: number, g: number, b: number) => {
      const linear = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    for (const kind of trayIconKinds) {
      const rgba = pixels(kind, 'colour');
      const at = (x: number, y: number) => (x < 0 || y < 0 || x >= 32 || y >= 32 ? [0, 0, 0, 0] : [...rgba.subarray((y * 32 + x) * 4, (y * 32 + x) * 4 + 4)]);
      // The fill: the commonest fully opaque colour that is not the white of glyph and rim.
      const counts = new Map<string, number>();
      let edgeLight = 0;
      let edgeAll = 0;
      for (let y = 0; y < 32; y += 1) {
        for (let x = 0; x < 32; x += 1) {
          const [r = 0, g = 0, b = 0, a = 0] = at(x, y);
          if (a === 255 && luminance(r, g, b) < 0.5) counts.set(`${r},${g},${b}`, (counts.get(`${r},${g},${b}`) ?? 0) + 1);
          // Outermost opaque pixels (a transparent neighbour): what a dark task bar sees first.
          const touchesOutside = [at(x - 1, y), at(x + 1, y), at(x, y - 1), at(x, y + 1)].some((pixel) => (pixel[3] ?? 0) < 40);
          if (a > 200 && touchesOutside) {
            edgeAll += 1;
            if (luminance(r, g, b) > 0.6) edgeLight += 1;
          }
        }
      }
      const fill = [...counts.entries()].sort((p, q) => q[1] - p[1])[0]![0].split(',').map(Number) as [number, number, number];
      expect((1 + 0.05) / (luminance(...fill) + 0.05), `${kind}: white glyph on its fill`).toBeGreaterThanOrEqual(4.5);
      expect(edgeLight / edgeAll, `${kind}: light rim`).toBeGreaterThan(0.6);
    }
  });

  it('tells every state apart by its shape alone, in colour and in the templates', () => {
    for (const variant of ['colour', 'template'] as const) {
      const masks = trayIconKinds.map((kind) => glyphMask(kind, variant));
      for (let a = 0; a < masks.length; a += 1) {
        for (let b = a + 1; b < masks.length; b += 1) {
          const differing = masks[a]!.filter((inked, index) => inked !== masks[b]![index]).length;
          expect(differing, `${variant}: ${trayIconKinds[a]} vs ${trayIconKinds[b]}`).toBeGreaterThan(20);
        }
      }
    }
  });
});
