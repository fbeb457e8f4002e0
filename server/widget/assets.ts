// What the server serves for websites: the widget script, bundled from widget.ts on first request
// and kept in memory, and a demo clinic page that embeds it.
import { join } from 'node:path';

const entryPoint = join(import.meta.dirname, 'widget.ts');

let bundle: Promise<string> | null = null;

/**
 * The minified widget (an IIFE for es2020 browsers). Built once per process; esbuild is loaded only
 * here, so a server that never serves the widget never loads it. A failed build is not cached.
 */
export function loadWidgetScript(): Promise<string> {
  bundle ??= buildWidget().catch((error: unknown) => {
    bundle = null;
    throw error;
  });
  return bundle;
}

async function buildWidget(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no widget bundle');
  return output.text;
}
