// The packaging rules: first as pure checks over listings, then through a real electron-builder run
// (the one `npm run check:builder` does) on a small project with electron-builder.yml and build/ from
// this repository, a placeholder Electron binary and planted files that must not be packaged.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuilder } from '../../scripts/check-builder.ts';
import type { CheckResult } from '../../scripts/check-builder.ts';
import { bareImports, fuseState, inspectPackage, requiredFuses } from '../../scripts/package-inspection.ts';
import type { PackageListing } from '../../scripts/package-inspection.ts';
import { trayIconKinds } from '../../scripts/tray-icon-svg.ts';

const root = join(import.meta.dirname, '..', '..');

function cleanListing(overrides: Partial<PackageListing> = {}, texts: Record<string, string> = {}): PackageListing {
  const asarFiles = ['/package.json', '/out', '/out/main', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/assets/index.js'];
  const bundles: Record<string, string> = {
    '/package.json': '{"name":"clinic-chat-desk","main":"out/main/index.js"}',
    '/out/main/index.js': 'import { join } from "node:path";\nimport { app } from "electron";',
    '/out/preload/index.cjs': 'const { contextBridge } = require("electron");',
    ...texts,
  };
  return {
    asarFiles,
    readAsarText: (path) => bundles[path] ?? '',
    resourceFiles: trayIconKinds.flatMap((kind) => ['.png', '@2x.png', 'Template.png', 'Template@2x.png', '.ico'].map((suffix) => `tray/${kind}${suffix}`)),
    fuseWire: Object.fromEntries(requiredFuses.map(({ fuse, enabled }) => [fuse, enabled ? fuseState.enabled : fuseState.disabled])),
    ...overrides,
  };
}

describe('inspectPackage', () => {
  it('accepts a package holding only the built app, its tray icons and the required fuses', () => {
    expect(inspectPackage(cleanListing())).toEqual([]);
  });

  it('reports sources, maps, tests, data, secrets and server packages that slipped in', () => {
    const listing = cleanListing();
    listing.asarFiles.push(
      '/out/main/index.js.map',
      '/main/index.ts',
      '/out/test/fixture.js',
      '/.data/chatdesk.sqlite',
      '/out/.env',
      '/out/certs/release.pfx',
      '/node_modules/fastify/package.json',
      '/node_modules/@fastify/rate-limit/index.js',
    );
    const problems = inspectPackage(listing).join('\n');
    for (const expected of ['a source map', '/main/index.ts', 'tests or benchmarks', 'a local database', 'a secret or key file: /out/.env', '/out/certs/release.pfx', 'server-only package fastify', 'server-only package @fastify/rate-limit']) {
      expect(problems).toContain(expected);
    }
  });

  it('reports secrets baked into a bundle', () => {
    const problems = inspectPackage(
      cleanListing({}, { '/out/main/index.js': 'const db = "postgres://app:s3cret@db.internal/chat"; const key = "-----BEGIN RSA PRIVATE KEY-----";' }),
    );
    expect(problems).toEqual(['/out/main/index.js contains a private key', '/out/main/index.js contains a database URL with a password']);
  });

  it('reports a package the main bundle imports but the package does not carry', () => {
    const listing = cleanListing({}, { '/out/main/index.js': 'import Store from "electron-store";\nimport { z } from "zod/v4";\nimport { app } from "electron";' });
    expect(inspectPackage(listing)).toEqual([
      '/out/main/index.js imports electron-store, which is not in app.asar (bundle it, or let the package in)',
      '/out/main/index.js imports zod/v4, which is not in app.asar (bundle it, or let the package in)',
    ]);
    listing.asarFiles.push('/node_modules/electron-store/package.json', '/node_modules/zod/package.json');
    expect(inspectPackage(listing)).toEqual([]);
  });

  it('reports missing app entry points, tray icons and unflipped fuses', () => {
    const listing = cleanListing({ asarFiles: ['/package.json', '/out/main/index.js'], resourceFiles: [] });
    listing.fuseWire = { ...listing.fuseWire, 0: fuseState.enabled };
    const problems = inspectPackage(listing);
    expect(problems).toContain('app.asar lacks /out/preload/index.cjs');
    expect(problems).toContain('resources lack tray/attentionTemplate@2x.png');
    expect(problems).toContain('fuse runAsNode is not disabled');
  });

  it('finds the bare module specifiers a bundle loads, and not strings that only look like imports', () => {
    const source = [
      'import a from "./local.js"; import { b } from \'pkg\'; import "side-effect"; import x from "node:fs";',
      'export * from "re-exported"; const c = require("@scope/name/sub"); await import("dyn");',
      // What ajv's code generator carries inside a bundle: text, not a module load.
      'const generated = `require("ajv/dist/runtime/equal")`; const note = "import y from \'nowhere\'";',
    ].join('\n');
    expect(bareImports(source).sort()).toEqual(['@scope/name/sub', 'dyn', 'node:fs', 'pkg', 're-exported', 'side-effect']);
    expect(bareImports('"use strict";\nconst { contextBridge } = require("electron");\nreturn;')).toEqual(['electron']);
  });

  it('reports a bundle it cannot read instead of passing it', () => {
    expect(inspectPackage(cleanListing({}, { '/out/main/index.js': 'import {' }))).toEqual([
      expect.stringMatching(/^\/out\/main\/index\.js could not be parsed to check its imports: /),
    ]);
  });
});

describe('electron-builder with electron-builder.yml (what npm run check:builder runs)', () => {
  let project = '';
  let work = '';
  let result: CheckResult;

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'chatdesk-builder-project-'));
    work = mkdtempSync(join(tmpdir(), 'chatdesk-builder-work-'));
    for (const file of ['package.json', 'electron-builder.yml']) cpSync(join(root, file), join(project, file));
    cpSync(join(root, 'build'), join(project, 'build'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    const write = (file: string, text: string) => {
      mkdirSync(join(project, file, '..'), { recursive: true });
      writeFileSync(join(project, file), text);
    };
    // A built app of the expected shape; its main bundle loads one package the config keeps out.
    write('out/main/index.js', 'import { app } from "electron";\nimport { z } from "zod";\napp.whenReady();\n');
    write('out/preload/index.cjs', 'require("electron");\n');
    write('out/renderer/index.html', '<!doctype html><title>Clinic Chat Desk</title>\n');
    // Files a careless build could leave in out/: the config must keep every one out of app.asar.
    write('out/main/index.js.map', '{}');
    write('out/.env', 'CHATDESK_ADMIN_TOKEN="do-not-ship-this-token"\n');
    write('out/release.pfx', 'certificate');
    write('out/main/index.ts', 'export {};\n');
    result = await checkBuilder(project, work);
  }, 240_000);

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('accepts the configuration and packages only the built app', () => {
    expect(result.asarFiles).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']));
    for (const planted of ['/out/main/index.js.map', '/out/.env', '/out/release.pfx', '/out/main/index.ts']) {
      expect(result.asarFiles).not.toContain(planted);
    }
    expect(result.asarFiles.some((file) => file.startsWith('/node_modules'))).toBe(false);
  });

  it('flips the fuses and ships the tray icons, leaving only the import that really is missing', () => {
    // zod stays out because node_modules/** does: the main bundle must carry its dependencies.
    expect(result.problems).toEqual(['/out/main/index.js imports zod, which is not in app.asar (bundle it, or let the package in)']);
    expect(result.resourceFiles).toEqual(expect.arrayContaining(['app-update.yml', 'tray/accepting.ico', 'tray/closedTemplate@2x.png']));
  });
});
