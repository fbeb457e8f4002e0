// Shared by the server benchmarks: seeding clinics, and running servers as child processes (so the load
// generator and the server do not share an event loop).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClinics } from '../server/clinic-admin.ts';
import type { StorageLocation } from '../server/storage/database.ts';

export const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));
const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'Europe/Berlin'];

export function temporaryDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'chatdesk-bench-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** `count` clinics with default settings in a spread of time zones, in batches of one transaction each. */
export async function seedClinics(location: StorageLocation, count: number): Promise<{ clinicId: string; token: string }[]> {
  const created: { clinicId: string; token: string }[] = [];
  for (let start = 0; start < count; start += 2_000) {
    const batch = Array.from({ length: Math.min(2_000, count - start) }, (_, index) => ({ name: `Clinic ${start + index + 1}`, timezone: zones[(start + index) % zones.length]! }));
    created.push(...(await createClinics(location, batch)));
  }
  return created;
}

export type ChildServer = { url: string; pid: number; stop(): Promise<void> };

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere. */
export function cpuTimeMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Runs a script that prints `listening on http://…` when ready (server/index.ts, the baseline). */
export async function startChild(script: string, env: Record<string, string>): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, [script], { cwd: repositoryRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  // A benchmark that fails half-way must not leave its servers running.
  process.on('exit', () => child.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function chatServer(env: Record<string, string>): Promise<ChildServer> {
  return startChild('server/index.ts', { CHATDESK_PORT: '0', CHATDESK_LOG_LEVEL: 'warn', CHATDESK_RATE_LIMIT_PER_MINUTE: '10000000', ...env });
}
