// electron-builder.yml checked against electron-builder's own JSON schema (the one its CLI validates
// with), and against what the packages must hold: targets, fuses, icons, no server code.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requiredFuses } from '../../scripts/package-inspection.ts';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
// strict: false because the schema carries electron-builder's own annotations (e.g. `tsType`).
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Config = Record<string, unknown> & {
  nsis: Record<string, unknown>;
  mac: Record<string, unknown>;
  linux: Record<string, unknown>;
  win: Record<string, unknown>;
  electronFuses: Record<string, boolean>;
  publish: Array<Record<string, unknown>>;
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
};
const configText = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = parse(configText) as Config;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s JSON schema', () => {
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is judged by a schema that rejects what electron-builder would reject', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodeTypo: false } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('sets exactly the fuses the security checklist asks for', () => {
    expect(config.electronFuses).toEqual(Object.fromEntries(requiredFuses.map(({ name, enabled }) => [name, enabled])));
  });

  it('builds an assisted NSIS installer that offers a per-machine install for shared PCs', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, selectPerMachineByDefault: true, allowElevation: true });
    // Staff settings must survive an update or reinstall.
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('signs macOS builds with the hardened runtime and notarises them, identities from the environment', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, target: ['dmg', 'zip'] });
    const entitlements = readFileSync(join(root, String(config.mac.entitlements)), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(entitlements).not.toContain('disable-library-validation');
    // No identity or certificate settings in the repository: CSC_* / APPLE_* come from the environment.
    expect(configText).not.toMatch(/^\s*(identity|cscLink|cscKeyPassword|certificateFile|certificatePassword)\s*:/m);
  });

  it('makes an AppImage and a deb on Linux', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/); // deb refuses to build without one
  });

  it('points every target at icons that exist', () => {
    for (const icon of [config.win.icon, config.mac.icon, join(String(config.linux.icon), '256x256.png')]) {
      expect(existsSync(join(root, String(icon))), String(icon)).toBe(true);
    }
  });

  it('ships the tray icons beside app.asar where the tray adapter looks for them', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'build/tray', to: 'tray' }));
  });

  it('publishes to a generic feed whose address is configuration, not a literal', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.CHATDESK_UPDATE_FEED}' }]);
  });

  it('keeps source maps, sources and dependencies out of app.asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', '!**/*.map', '!node_modules/**']));
    expect(config.asar).toBe(true);
  });
});
