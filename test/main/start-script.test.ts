// `npm start` as a newcomer runs it (here without a display, so the preview host stands in for the
// desktop app): the server, the demo clinic's page, the connected staff console, and a clean Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppResult } from '../../core/schemas/app-api.ts';

const root = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'chatdesk-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Run = { lines: string[]; line(prefix: string): Promise<string>; stop(): Promise<number | null> };

function runStart(): Run {
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      CHATDESK_SKIP_BUILD: '1',
      CHATDESK_DATA_DIR: join(scratch, 'data'),
      CHATDESK_APP_DATA: join(scratch, 'app'),
      CHATDESK_PORT: '0',
      CHATDESK_PREVIEW_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffered = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters) wake();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    lines,
    line: (prefix) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line "${prefix}…" in:\n${lines.join('\n')}`)), 30_000);
        const check = () => {
          const found = lines.find((line) => line.startsWith(prefix));
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found.slice(prefix.length).trim());
        };
        waiters.add(check);
        check();
      }),
    stop: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

describe('npm start', () => {
  it('brings up the server, the demo clinic and a connected staff console, and stops cleanly on Ctrl-C', { timeout: 60_000 }, async () => {
    const first = runStart();
    const consoleUrl = await first.line('Staff console:');
    const demoPage = (await first.line('Demo clinic website — what pet owners see:')).trim();
    expect(first.lines.filter((line) => line.startsWith('Desktop app not started:'))).toHaveLength(1);

    expect((await fetch(demoPage)).status).toBe(200);
    const opened = await fetch(consoleUrl, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const origin = new URL(consoleUrl).origin;
    const state = (await (
      await fetch(`${origin}/api/getState`, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/json' }, body: '{"args":[]}' })
    ).json()) as AppResult;
    expect(state).toMatchObject({ ok: true, state: { connection: { clinicName: 'Riverside Vets (demo)' } } });

    expect(await first.stop()).toBe(0);
    await expect(fetch(demoPage)).rejects.toThrow();

    // The demo clinic is kept: a second start opens the same one.
    const second = runStart();
    const demoAgain = (await second.line('Demo clinic website — what pet owners see:')).trim();
    expect(new URL(demoAgain).pathname).toBe(new URL(demoPage).pathname);
    await second.line('Staff console:');
    expect(await second.stop()).toBe(0);
  });
});
