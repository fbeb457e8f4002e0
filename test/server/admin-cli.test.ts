// `npm run admin`: creates a clinic (token printed once) and replaces tokens, on the storage a server
// then uses; plus the CHATDESK_* configuration the server CLI reads.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverConfigFrom } from '../../server/cli-config.ts';
import { createChatServer } from '../../server/server.ts';
import type { RunningServer } from '../../server/server.ts';
import { repositoryRoot } from './helpers/child-server.ts';
import { call, temporaryDirectory } from './helpers/test-server.ts';

function admin(args: string[]) {
  const result = spawnSync(process.execPath, ['server/admin.ts', ...args], { cwd: repositoryRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each CLI run is a fresh Node process; on a busy machine a few of them take a while.
describe('admin CLI', { timeout: 60_000 }, () => {
  const directory = temporaryDirectory();
  let server: RunningServer;
  beforeAll(async () => {
    server = await createChatServer({ dataDir: directory.path, logLevel: 'silent' });
  });
  afterAll(async () => {
    await server?.close();
    directory.remove();
  });

  it('creates a clinic whose token the running server accepts, and replaces that token on request', async () => {
    const human = admin(['create-clinic', '--name', 'Riverside Vets', '--timezone', 'Europe/London', '--data-dir', directory.path]);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/^clinic id: [0-9a-f-]{36}\nstaff token: cd_\S+\n/);

    const created = admin(['create-clinic', '--name', 'Hillside Vets', '--timezone', 'America/New_York', '--data-dir', directory.path, '--json']);
    const { clinicId, token } = JSON.parse(created.stdout) as { clinicId: string; token: string };
    const clinic = await call<{ clinic: { name: string } }>(`${server.url}/v1/clinics/${clinicId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(clinic.body.clinic.name).toBe('Hillside Vets');

    const rotated = admin(['rotate-token', '--clinic', clinicId, '--data-dir', directory.path, '--json']);
    expect(rotated.status).toBe(0);
    const fresh = (JSON.parse(rotated.stdout) as { token: string }).token;
    expect((await call(`${server.url}/v1/clinics/${clinicId}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await call(`${server.url}/v1/clinics/${clinicId}`, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);
  });

  it('explains what is wrong instead of creating a bad clinic', () => {
    const badZone = admin(['create-clinic', '--name', 'Riverside Vets', '--timezone', 'Mars/Olympus', '--data-dir', directory.path]);
    expect(badZone.status).toBe(2);
    expect(badZone.stderr).toContain('timezone');
    const missing = admin(['create-clinic', '--name', 'Riverside Vets', '--data-dir', directory.path]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--timezone');
    const unknown = admin(['rotate-token', '--clinic', 'nope', '--data-dir', directory.path]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no clinic');
  });
});

describe('server configuration from the environment and flags', () => {
  it('uses the documented defaults', () => {
    expect(serverConfigFrom({}, [])).toEqual({ host: '127.0.0.1', port: 8787, dataDir: './.data', logLevel: 'info' });
  });

  it('reads CHATDESK_* variables, and a flag wins over its variable', () => {
    const config = serverConfigFrom(
      {
        CHATDESK_HOST: '0.0.0.0',
        CHATDESK_PORT: '9000',
        CHATDESK_DATA_DIR: '/var/lib/chatdesk',
        CHATDESK_DATABASE_URL: 'postgres://chat@db/chat',
        CHATDESK_ADMIN_TOKEN: 'secret',
        CHATDESK_RATE_LIMIT_PER_MINUTE: '120',
        CHATDESK_TRUST_PROXY: '10.0.0.0/8, 192.168.0.1',
        CHATDESK_HISTORY_RETENTION_DAYS: '730',
        CHATDESK_EVENT_RETENTION_DAYS: '14',
      },
      ['--port', '9100', '--event-retention-days', '10'],
    );
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 9100,
      dataDir: '/var/lib/chatdesk',
      databaseUrl: 'postgres://chat@db/chat',
      adminToken: 'secret',
      rateLimitPerMinute: 120,
      trustProxy: ['10.0.0.0/8', '192.168.0.1'],
      historyRetentionDays: 730,
      eventRetentionDays: 10,
      logLevel: 'info',
    });
  });

  it('refuses values it cannot use, naming the variable', () => {
    expect(() => serverConfigFrom({ CHATDESK_PORT: 'eighty' }, [])).toThrow(/CHATDESK_PORT/);
    expect(() => serverConfigFrom({ CHATDESK_PORT: '70000' }, [])).toThrow(/CHATDESK_PORT/);
    expect(() => serverConfigFrom({ CHATDESK_DATABASE_URL: 'mysql://db' }, [])).toThrow(/postgres/);
    expect(() => serverConfigFrom({ CHATDESK_LOG_LEVEL: 'loud' }, [])).toThrow(/CHATDESK_LOG_LEVEL/);
    expect(() => serverConfigFrom({ CHATDESK_HISTORY_RETENTION_DAYS: '30' }, [])).toThrow(/CHATDESK_HISTORY_RETENTION_DAYS must be a whole number from 90/);
    expect(() => serverConfigFrom({ CHATDESK_EVENT_RETENTION_DAYS: '0' }, [])).toThrow(/CHATDESK_EVENT_RETENTION_DAYS/);
    expect(() => serverConfigFrom({}, ['--colour', 'blue'])).toThrow();
  });
});
