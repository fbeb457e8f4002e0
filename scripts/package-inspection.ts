// What must and must not be in a packaged app, as pure checks over listings of app.asar, the resources and
// the fuse wire: check-builder.ts gathers them from a real electron-builder run, the tests feed them directly.
import { isBuiltin } from 'node:module';
import { parse } from 'acorn';
import type { AnyNode, Program } from 'acorn';
import { full } from 'acorn-walk';
import { FuseV1Options } from '@electron/fuses';
import { trayIconKinds } from './tray-icon-svg.ts';

export type PackageListing = {
  /** Paths inside app.asar, `/`-separated, starting with `/` (as @electron/asar lists them). */
  asarFiles: string[];
  /** Text of a file inside app.asar; only asked for the app's own bundles and package.json. */
  readAsarText(path: string): string;
  /** Paths under the resources folder beside app.asar, `/`-separated, without a leading `/`. */
  resourceFiles: string[];
  /** The Electron binary's fuse wire (fuse index → state byte), from @electron/fuses. */
  fuseWire: Record<number, number>;
};

/** A fuse's state byte in the binary: ASCII '0' or '1' (@electron/fuses does not export its enum). */
export const fuseState = { disabled: 0x30, enabled: 0x31 } as const;

/** The fuses a hardened package needs; electron-builder.yml's `electronFuses` must produce exactly these. */
export const requiredFuses: ReadonlyArray<{ fuse: FuseV1Options; name: string; enabled: boolean }> = [
  { fuse: FuseV1Options.RunAsNode, name: 'runAsNode', enabled: false },
  { fuse: FuseV1Options.EnableCookieEncryption, name: 'enableCookieEncryption', enabled: true },
  { fuse: FuseV1Options.EnableNodeOptionsEnvironmentVariable, name: 'enableNodeOptionsEnvironmentVariable', enabled: false },
  { fuse: FuseV1Options.EnableNodeCliInspectArguments, name: 'enableNodeCliInspectArguments', enabled: false },
  { fuse: FuseV1Options.EnableEmbeddedAsarIntegrityValidation, name: 'enableEmbeddedAsarIntegrityValidation', enabled: true },
  { fuse: FuseV1Options.OnlyLoadAppFromAsar, name: 'onlyLoadAppFromAsar', enabled: true },
];

const requiredAsarFiles = ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html'];

// Packages only the server uses: in the desktop package they are dead weight and attack surface.
const serverOnlyPackages = ['fastify', '@fastify', 'pg', 'kysely', 'pino', 'autocannon', 'date-holidays'];

const forbiddenFiles: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /\.map$/, why: 'a source map' },
  { pattern: /^\/(?!node_modules\/).*\.(ts|tsx|mts|cts)$/, why: 'TypeScript source' },
  { pattern: /\/(test|tests|__tests__|e2e|bench|fixtures)\//, why: 'tests or benchmarks' },
  { pattern: /\/\.data\/|\.(sqlite|sqlite3|db)(-wal|-shm)?$/, why: 'a local database or data folder' },
  { pattern: /\/\.env(\..*)?$|\.(pem|key|p12|pfx|cer)$/, why: 'a secret or key file' },
  { pattern: /\/fleet\.json$|\/token[^/]*\.txt$/, why: 'machine configuration or a token' },
  { pattern: /\/\.git\//, why: 'repository metadata' },
];

// Patterns that mean a secret was baked into a bundle at build time.
const secretContents: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/, why: 'a private key' },
  { pattern: /CHATDESK_ADMIN_TOKEN["']?\s*[:=]\s*["'][^"'\s]{8,}/, why: 'an admin token value' },
  { pattern: /postgres(?:ql)?:\/\/[^:/\s"'@]+:[^@\s"']+@/, why: 'a database URL with a password' },
];

/** Everything wrong with a packaged app; empty when it is fine. */
export function inspectPackage(listing: PackageListing): string[] {
  const problems: string[] = [];
  const files = new Set(listing.asarFiles);

  for (const required of requiredAsarFiles) {
    if (!files.has(required)) problems.push(`app.asar lacks ${required}`);
  }
  for (const file of listing.asarFiles) {
    if (!/^\/(package\.json$|out(\/|$)|node_modules(\/|$))/.test(file)) problems.push(`app.asar holds ${file}, which is not part of the built app`);
    for (const { pattern, why } of forbiddenFiles) {
      if (pattern.test(file)) problems.push(`app.asar holds ${why}: ${file}`);
    }
    const pkg = packageOf(file);
    if (pkg !== null && serverOnlyPackages.some((name) => pkg === name || pkg.startsWith(`${name}/`))) {
      problems.push(`app.asar holds the server-only package ${pkg}: ${file}`);
    }
  }

  for (const file of ownTextFiles(listing.asarFiles)) {
    const text = listing.readAsarText(file);
    for (const { pattern, why } of secretContents) {
      if (pattern.test(text)) problems.push(`${file} contains ${why}`);
    }
    if (/^\/out\/(main|preload)\//.test(file)) {
      let specifiers: string[];
      try {
        specifiers = bareImports(text);
      } catch (error) {
        problems.push(`${file} could not be parsed to check its imports: ${(error as Error).message}`);
        continue;
      }
      for (const specifier of specifiers) {
        const pkg = packageName(specifier);
        if (pkg === 'electron' || isBuiltin(specifier)) continue;
        if (!files.has(`/node_modules/${pkg}/package.json`)) {
          problems.push(`${file} imports ${specifier}, which is not in app.asar (bundle it, or let the package in)`);
        }
      }
    }
  }

  const resources = new Set(listing.resourceFiles);
  for (const kind of trayIconKinds) {
    for (const name of [`${kind}.png`, `${kind}@2x.png`, `${kind}Template.png`, `${kind}Template@2x.png`, `${kind}.ico`]) {
      if (!resources.has(`tray/${name}`)) problems.push(`resources lack tray/${name}`);
    }
  }

  for (const { fuse, name, enabled } of requiredFuses) {
    const expected = enabled ? fuseState.enabled : fuseState.disabled;
    if (listing.fuseWire[fuse] !== expected) problems.push(`fuse ${name} is not ${enabled ? 'enabled' : 'disabled'}`);
  }
  return problems;
}

/** The app's own text files worth reading (its bundles and manifest, not third-party packages). */
function ownTextFiles(files: string[]): string[] {
  return files.filter((file) => file === '/package.json' || /^\/out\/.*\.(js|cjs|mjs|html|json|css)$/.test(file));
}

/**
 * Module specifiers a bundle loads at run time that are neither relative nor absolute paths: static and
 * dynamic imports, re-exports and `require("…")` calls, read from the syntax tree, so strings that only
 * look like imports (code generators carry many) do not count.
 */
export function bareImports(source: string): string[] {
  const found = new Set<string>();
  const note = (node: AnyNode | null | undefined) => {
    const value = node?.type === 'Literal' ? node.value : null;
    if (typeof value === 'string' && !/^(\.|\/|[a-z]+:\/\/)/i.test(value)) found.add(value);
  };
  full(parseBundle(source), (node) => {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ImportExpression') note(node.source);
    else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') note(node.arguments[0] as AnyNode);
  });
  return [...found];
}

function parseBundle(source: string): Program {
  const options = { ecmaVersion: 'latest', allowHashBang: true } as const;
  try {
    return parse(source, { ...options, sourceType: 'module' });
  } catch {
    // CommonJS bundles (the preload) may use what modules forbid, such as a top-level `return`.
    return parse(source, { ...options, sourceType: 'script', allowReturnOutsideFunction: true });
  }
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The package a file under node_modules belongs to (the innermost one), or null. */
function packageOf(file: string): string | null {
  const at = file.lastIndexOf('/node_modules/');
  if (at === -1) return null;
  return packageName(file.slice(at + '/node_modules/'.length));
}
