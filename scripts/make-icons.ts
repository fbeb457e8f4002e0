// `npm run icons`: every icon, generated from build/icon.svg and tray-icon-svg.ts, never exported by hand; the results
// are committed, and build/icon-manifest.json lets a test notice a source changed without the icons made again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import { BICUBIC2, createICNS } from 'png2icons';
import { icnsTypes, icoSizes, pngSize } from './icon-files.ts';
import { trayIconKinds, trayIconSvg } from './tray-icon-svg.ts';

type IconJob =
  | { file: string; format: 'png'; svg: string; size: number }
  | { file: string; format: 'ico'; svg: string; sizes: number[] }
  | { file: string; format: 'icns'; svg: string };

export type IconManifest = {
  generatedBy: string;
  /** sha256 of every job (file, format, sizes, SVG source): changes when the design or the plan does. */
  sourceDigest: string;
  /** File (relative to build/) → what it holds, as `describeIconFile` reads it back. */
  files: Record<string, string>;
};

export const appIconSource = 'build/icon.svg';
export const manifestFile = 'icon-manifest.json';

// Linux takes a folder of NxN.png; Windows an .ico (256 is the largest Explorer shows); macOS an .icns.
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const windowsSizes = [16, 24, 32, 48, 64, 128, 256];
// Tray: Windows picks from the .ico by display scaling (100%..300%); Electron picks name@Nx.png itself.
const trayIcoSizes = [16, 20, 24, 32, 40, 48];
const trayScales = [
  { suffix: '', size: 16 },
  { suffix: '@1.5x', size: 24 },
  { suffix: '@2x', size: 32 },
];

/** Everything `npm run icons` writes, relative to build/. */
export function iconPlan(appSvg: string): IconJob[] {
  const jobs: IconJob[] = [
    { file: 'icon.png', format: 'png', svg: appSvg, size: 1024 },
    { file: 'icon.ico', format: 'ico', svg: appSvg, sizes: windowsSizes },
    { file: 'icon.icns', format: 'icns', svg: appSvg },
    ...linuxSizes.map((size): IconJob => ({ file: `icons/${size}x${size}.png`, format: 'png', svg: appSvg, size })),
  ];
  for (const kind of trayIconKinds) {
    const colour = trayIconSvg(kind, 'colour');
    const template = trayIconSvg(kind, 'template');
    jobs.push({ file: `tray/${kind}.ico`, format: 'ico', svg: colour, sizes: trayIcoSizes });
    for (const { suffix, size } of trayScales) {
      jobs.push({ file: `tray/${kind}${suffix}.png`, format: 'png', svg: colour, size });
      jobs.push({ file: `tray/${kind}Template${suffix}.png`, format: 'png', svg: template, size });
    }
  }
  return jobs;
}

function sourceDigest(jobs: IconJob[]): string {
  // Line endings are normalised so a Windows checkout (autocrlf) does not count as a new design.
  const normalised = jobs.map((job) => ({ ...job, svg: job.svg.replace(/\r\n/g, '\n') }));
  return createHash('sha256').update(JSON.stringify(normalised)).digest('hex');
}

/** Renders the SVG at `size` × `size` pixels (the sources are square); system fonts are not used. */
function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

async function makeIcon(job: IconJob): Promise<Buffer> {
  switch (job.format) {
    case 'png':
      return renderPng(job.svg, job.size);
    case 'ico':
      // Each size is rendered from the vector source rather than scaled down, so 16 px stays crisp.
      return pngToIco(job.sizes.map((size) => renderPng(job.svg, size)));
    case 'icns': {
      // png2icons derives every ICNS size from the 1024 px rendering (0 colours = lossless).
      const icns = createICNS(renderPng(job.svg, 1024), BICUBIC2, 0);
      if (icns === null) throw new Error('png2icons could not make the .icns');
      return icns;
    }
  }
}

/** What an icon file holds, read back from its bytes: `png 16x16`, `ico 16,32`, `icns ic10,…`. */
function describeIconFile(file: string, bytes: Buffer): string {
  const unreadable = `unreadable ${file}`;
  if (file.endsWith('.png')) {
    const size = pngSize(bytes);
    return size ? `png ${size.width}x${size.height}` : unreadable;
  }
  if (file.endsWith('.ico')) {
    const sizes = icoSizes(bytes);
    return sizes ? `ico ${sizes.join(',')}` : unreadable;
  }
  if (file.endsWith('.icns')) {
    const types = icnsTypes(bytes);
    return types ? `icns ${types.join(',')}` : unreadable;
  }
  return unreadable;
}

/** Writes every icon and the manifest under `outDir`; returns the manifest. */
export async function makeIcons(appSvg: string, outDir: string): Promise<IconManifest> {
  const jobs = iconPlan(appSvg);
  const files: Record<string, string> = {};
  for (const job of jobs) {
    const bytes = await makeIcon(job);
    const target = join(outDir, job.file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    files[job.file] = describeIconFile(job.file, bytes);
  }
  const manifest: IconManifest = { generatedBy: 'npm run icons (scripts/make-icons.ts)', sourceDigest: sourceDigest(jobs), files };
  writeFileSync(join(outDir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * What is stale or missing in `buildDir` compared with what `npm run icons` would make now; empty when
 * the committed icons are current. Reads the files back rather than trusting the manifest alone.
 */
export function staleIcons(appSvg: string, buildDir: string): string[] {
  const jobs = iconPlan(appSvg);
  let manifest: IconManifest;
  try {
    manifest = JSON.parse(readFileSync(join(buildDir, manifestFile), 'utf8')) as IconManifest;
  } catch {
    return [`${manifestFile} is missing or unreadable: run npm run icons`];
  }
  const problems: string[] = [];
  if (manifest.sourceDigest !== sourceDigest(jobs)) problems.push('the icon sources changed since the icons were made: run npm run icons');
  for (const job of jobs) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(buildDir, job.file));
    } catch {
      problems.push(`${job.file} is missing: run npm run icons`);
      continue;
    }
    const found = describeIconFile(job.file, bytes);
    if (found !== manifest.files[job.file]) problems.push(`${job.file} holds ${found}, the manifest says ${manifest.files[job.file] ?? 'nothing'}`);
  }
  return problems;
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '..');
  const manifest = await makeIcons(readFileSync(join(root, appIconSource), 'utf8'), join(root, 'build'));
  console.log(`Wrote ${Object.keys(manifest.files).length} icons to build/ (from ${appIconSource} and scripts/tray-icon-svg.ts).`);
}
