import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A sandboxed preload can require only Electron's own modules at runtime; electron-vite leaves
// package imports (zod, luxon…) as `require()` calls, which would break the bridge in the real app.
// So the preload's runtime imports must be 'electron' and files that import nothing themselves.
const root = join(import.meta.dirname, '../..');
const runtimeImports = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]!);

describe('preload bundle', () => {
  it('requires nothing at runtime but electron and the import-free channel list', () => {
    expect(runtimeImports('preload/index.ts').sort()).toEqual(['../core/app-channels.ts', 'electron']);
    expect(runtimeImports('core/app-channels.ts')).toEqual([]);
  });
});
