// The website widget's bundle, built with the app (electron-vite build) and by the test setup: a
// minified IIFE for es2020 browsers in out/widget/widget.js, which the server serves as it is.
// `node scripts/build-widget.ts` builds it alone, for a server-only deployment.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const widgetBundle = fileURLToPath(new URL('../out/widget/widget.js', import.meta.url));

/** Builds the bundle; answers one line with its size, raw and gzipped. */
export async function buildWidget(): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('../server/widget/widget.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
    write: false,
  });
  const bytes = outputFiles[0]!.contents;
  await mkdir(dirname(widgetBundle), { recursive: true });
  await writeFile(widgetBundle, bytes);
  return `website widget: out/widget/widget.js ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildWidget());
