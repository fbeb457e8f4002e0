// `npm run check:builder [-- --no-build --project <dir> --keep]`: electron-builder run for real into a temporary
// folder, with a placeholder for the Electron runtime (not downloadable here); then app.asar, resources and fuses inspected.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { placeholderUpdateFeed } from '../main/updates/updates.ts';
import { buildApp } from './electron-runtime.ts';
import { fuseState, inspectPackage, requiredFuses } from './package-inspection.ts';

const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses' marker before the fuse wire
const executableName = 'clinic-chat-desk'; // linux.executableName in electron-builder.yml

export type CheckResult = { problems: string[]; asarFiles: string[]; resourceFiles: string[]; log: string };

/**
 * A stand-in for the Electron binary: a text line and a version-1 fuse wire of 8 fuses, each set to
 * the opposite of what we require, so a clean result proves electron-builder flipped every one.
 */
function placeholderElectron(): Buffer {
  const wire = Array.from({ length: 8 }, (_, index) => {
    const required = requiredFuses.find((entry) => entry.fuse === index);
    return required === undefined || required.enabled ? fuseState.disabled : fuseState.enabled;
  });
  return Buffer.concat([
    Buffer.from('Placeholder written by scripts/check-builder.ts: not an Electron runtime.\n'),
    Buffer.from(fuseSentinel, 'latin1'),
    Buffer.from([1, wire.length, ...wire]),
  ]);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Packages `projectDir` (which must hold a built `out/`) for Linux as a folder and inspects it. */
export async function checkBuilder(projectDir: string, workDir: string): Promise<CheckResult> {
  const electronDist = join(workDir, 'electron-placeholder');
  const output = join(workDir, 'dist');
  mkdirSync(electronDist, { recursive: true });
  writeFileSync(join(electronDist, 'electron'), placeholderElectron(), { mode: 0o755 });

  const cli = join(projectDir, 'node_modules', 'electron-builder', 'cli.js');
  const run = spawnSync(
    process.execPath,
    [cli, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${output}`],
    {
      cwd: projectDir,
      encoding: 'utf8',
      timeout: 300_000,
      // The feed address is baked into app-update.yml; a placeholder does for a check.
      env: { ...process.env, CHATDESK_UPDATE_FEED: process.env.CHATDESK_UPDATE_FEED ?? placeholderUpdateFeed, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    },
  );
  const log = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0) {
    return { problems: [`electron-builder failed (${run.error?.message ?? `exit ${run.status}`}):\n${log}`], asarFiles: [], resourceFiles: [], log };
  }

  const resources = join(output, 'linux-unpacked', 'resources');
  const asar = join(resources, 'app.asar');
  const asarFiles = listPackage(asar, { isPack: false }).map((path) => path.split(sep).join('/'));
  const resourceFiles = listFiles(resources).filter((file) => file !== 'app.asar');
  const fuseWire = (await getCurrentFuseWire(join(output, 'linux-unpacked', executableName))) as unknown as Record<number, number>;
  const problems = inspectPackage({
    asarFiles,
    readAsarText: (path) => extractFile(asar, path.slice(1)).toString('utf8'),
    resourceFiles,
    fuseWire,
  });
  return { problems, asarFiles, resourceFiles, log };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { 'no-build': { type: 'boolean' }, project: { type: 'string' }, keep: { type: 'boolean' } } });
  const projectDir = resolve(values.project ?? join(import.meta.dirname, '..'));
  if (!values['no-build']) buildApp(projectDir, 'warn');
  const workDir = mkdtempSync(join(tmpdir(), 'chatdesk-check-builder-'));
  try {
    const result = await checkBuilder(projectDir, workDir);
    console.log(`app.asar (${result.asarFiles.length} files):`);
    for (const file of result.asarFiles) console.log(`  ${file}`);
    console.log(`resources beside it: ${result.resourceFiles.join(', ')}`);
    console.log('Note: the packaged folder holds a placeholder instead of the Electron runtime; it is not a runnable app.');
    if (result.problems.length > 0) {
      console.error(`check:builder found ${result.problems.length} problem(s):`);
      for (const problem of result.problems) console.error(`  - ${problem}`);
      process.exitCode = 1;
    } else {
      console.log('check:builder: configuration accepted, app.asar contents and fuses as required.');
    }
  } finally {
    if (values.keep) console.log(`kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}
