// `npm start`: build the app, then run it in Electron, or say in one line why not and what to use instead.
import { spawn, spawnSync } from 'node:child_process';
import { ensureElectronRuntime, hasDisplay } from './electron-runtime.ts';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn']);

const runtime = ensureElectronRuntime();
if (!runtime.ok || !hasDisplay()) {
  const why = runtime.ok ? 'no display is available' : `the Electron runtime could not be downloaded (${runtime.reason})`;
  console.error(`Desktop app not started: ${why}. Use the browser preview host instead: npm run preview`);
  process.exit(1);
}

const electron = spawn(runtime.executable, ['.'], { stdio: 'inherit' });
electron.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => electron.kill(signal));
