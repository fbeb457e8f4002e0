import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPresence, defaultSettings } from '../../core/schedule-model.ts';
import type { ChatSettings } from '../../core/schemas/schedule.ts';
import { noSecretBox } from '../../main/store/secret-box.ts';
import type { SecretBox } from '../../main/store/secret-box.ts';
import { openAppStore } from '../../main/store/store.ts';
import type { OpenAppStoreOptions } from '../../main/store/store.ts';
import { enqueuePresence } from '../../main/sync/outbox.ts';

const NOW = new Date('2026-11-25T09:30:00.000Z');

/** A draft with Monday's start half typed: kept as it is, since the draft is saved only when it is valid. */
const setMondayStart = (settings: ChatSettings, start: string): ChatSettings => ({ ...settings, week: { ...settings.week, monday: { open: true, ranges: [{ start, end: '18:00' }] } } });
const connection = { serverUrl: 'https://chat.example-clinic.test', clinicId: 'clinic-1', clinicName: 'Riverside Vets', token: 'tok-123-secret' };

/** A reversible stand-in for the OS secret store (the real one is Electron's safeStorage). */
const reversingBox: SecretBox = {
  isEncryptionAvailable: () => true,
  encrypt: (s) => Buffer.from([...s].reverse().join('')).toString('base64'),
  decrypt: (s) => [...Buffer.from(s, 'base64').toString()].reverse().join(''),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chatdesk-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const open = (options: Partial<OpenAppStoreOptions> = {}) =>
  openAppStore({ directory: dir, secretBox: noSecretBox, hostname: 'FRONTDESK-2', now: () => NOW, ...options });
const configPath = () => join(dir, 'config.json');
const readConfig = () => JSON.parse(readFileSync(configPath(), 'utf8')) as Record<string, unknown>;
const movedAside = () => readdirSync(dir).filter((name) => name.startsWith('config.unreadable-'));

describe('app store', () => {
  it('starts with defaults: this PC named after the host, a 30-minute reminder', () => {
    const store = open();
    expect(store.getPreferences()).toEqual({ pcName: 'FRONTDESK-2', launchAtLogin: false, notifications: true, offlineReminderMinutes: 30 });
    expect(store.getConnection()).toBeNull();
    expect(store.getServerCopy()).toBeNull();
    expect(store.getStashedDraft()).toBeNull();
    expect(store.getOutbox()).toEqual([]);
    expect(store.notices).toEqual([]);
    expect(store.getReminderMemory()).toEqual({ snoozedUntil: null, snoozedFor: null, notifiedFor: null });
    expect(readConfig()).toMatchObject({ preferences: { pcName: 'FRONTDESK-2' }, outbox: [] });
  });

  it('keeps the file readable by this user only, since it holds the token', () => {
    open().setPreference({ key: 'notifications', value: false });
    expect(statSync(configPath()).mode & 0o077).toBe(0);
  });

  it('keeps everything across a restart', () => {
    const settings = defaultSettings('Europe/London');
    const presence = defaultPresence(NOW);
    const first = open();
    first.setServerCopy({ settings, version: 7, presence, receivedAt: NOW.toISOString() });
    const halfTyped = { settings: setMondayStart(settings, '1'), baseVersion: 7 };
    first.stashDraft(halfTyped);
    first.setPreference({ key: 'offlineReminderMinutes', value: 45 });
    first.setPreference({ key: 'pcName', value: 'Reception' });
    first.setWindowBounds({ x: 10, y: 20, width: 900, height: 700, maximized: false });
    first.setReminderMemory({ snoozedUntil: '2026-11-25T10:00:00.000Z', snoozedFor: '2026-11-25T09:00:00.000Z', notifiedFor: null });
    first.setOutbox(enqueuePresence([], { online: false, offlineUntil: null, changedBy: 'Reception' }, { id: crypto.randomUUID(), now: NOW }));

    const second = open();
    expect(second.getServerCopy()).toEqual({ settings, version: 7, presence, receivedAt: NOW.toISOString() });
    expect(second.getStashedDraft()).toEqual(halfTyped);
    expect(second.getPreferences()).toMatchObject({ offlineReminderMinutes: 45, pcName: 'Reception' });
    expect(second.getWindowBounds()).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: false });
    expect(second.getReminderMemory()).toEqual({ snoozedUntil: '2026-11-25T10:00:00.000Z', snoozedFor: '2026-11-25T09:00:00.000Z', notifiedFor: null });
    expect(second.getOutbox()).toEqual(first.getOutbox());
    expect(second.getOutbox()).toHaveLength(1);
  });

  it('stores the token as plain text when no secret store exists, and says so', () => {
    const store = open();
    store.saveConnection(connection);
    expect(store.getConnection()?.tokenStorage).toBe('plain-text');
    expect(readFileSync(configPath(), 'utf8')).toContain('tok-123-secret');
    expect(store.readToken()).toBe('tok-123-secret');

    const reopened = open({ plainTextReason: 'no keyring is running on this Linux desktop' });
    expect(reopened.tokenStorageNote()).toContain('no keyring is running on this Linux desktop');
    expect(reopened.notices).toEqual([expect.objectContaining({ kind: 'token-plain-text' })]);
  });

  it('encrypts the token when the secret store is available, and never writes it in clear', () => {
    const store = open({ secretBox: reversingBox });
    store.saveConnection(connection);
    expect(store.getConnection()?.tokenStorage).toBe('encrypted');
    expect(readFileSync(configPath(), 'utf8')).not.toContain('tok-123-secret');
    expect(open({ secretBox: reversingBox }).readToken()).toBe('tok-123-secret');
    expect(open({ secretBox: reversingBox }).notices).toEqual([]);
  });

  it('asks for the token again when it cannot be decrypted any more', () => {
    open({ secretBox: reversingBox }).saveConnection(connection);
    const store = open({
      secretBox: { ...reversingBox, decrypt: () => { throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'); } },
    });
    expect(store.readToken()).toBeNull();
    expect(store.notices).toEqual([expect.objectContaining({ kind: 'token-unreadable' })]);
    expect(store.getConnection()).toMatchObject({ clinicId: 'clinic-1', tokenStorage: 'encrypted' });
  });

  it('moves a corrupt file aside, keeps it, and starts with defaults and a notice', () => {
    const garbage = '{"preferences": {"pcName": "Reception", "launchAtLo';
    writeFileSync(configPath(), garbage);
    const store = open();
    expect(movedAside()).toEqual(['config.unreadable-2026-11-25T09-30-00-000Z.json']);
    expect(readFileSync(join(dir, movedAside()[0]!), 'utf8')).toBe(garbage);
    expect(store.getPreferences().pcName).toBe('FRONTDESK-2');
    expect(store.notices).toEqual([
      expect.objectContaining({ kind: 'store-recovered', message: expect.stringContaining(join(dir, 'config.unreadable-2026-11-25T09-30-00-000Z.json')) }),
    ]);
    expect(store.notices[0]?.message).toContain('not valid JSON');
    // The fresh file is good: the next start has nothing to recover.
    expect(open().notices).toEqual([]);
  });

  it('moves aside a file whose contents break the schema', () => {
    writeFileSync(configPath(), JSON.stringify({ preferences: { pcName: 'Reception', launchAtLogin: 'yes', notifications: true, offlineReminderMinutes: 30 } }));
    const store = open();
    expect(movedAside()).toHaveLength(1);
    expect(store.getPreferences().launchAtLogin).toBe(false);
    expect(store.notices[0]).toMatchObject({ kind: 'store-recovered' });
  });

  it('moves aside a settings file that cannot be read at all', () => {
    mkdirSync(configPath()); // reading a directory fails with EISDIR
    const store = open();
    expect(movedAside()).toHaveLength(1);
    expect(statSync(join(dir, movedAside()[0]!)).isDirectory()).toBe(true);
    expect(store.notices[0]?.message).toContain('EISDIR');
    store.setPreference({ key: 'notifications', value: false });
    expect(open().getPreferences().notifications).toBe(false);
  });

  it('drops a server copy that no longer matches the schedule model, keeping everything else', () => {
    const store = open();
    store.saveConnection(connection);
    store.setPreference({ key: 'pcName', value: 'Reception' });
    const raw = readConfig();
    writeFileSync(configPath(), JSON.stringify({ ...raw, serverCopy: { settings: { weekdays: 'all' }, version: 3, presence: {}, receivedAt: NOW.toISOString() } }));

    const reopened = open();
    expect(reopened.getServerCopy()).toBeNull();
    expect(reopened.getPreferences().pcName).toBe('Reception');
    expect(reopened.getConnection()?.clinicId).toBe('clinic-1');
    expect(reopened.notices.map((notice) => notice.kind)).toContain('store-data-dropped');
    expect(movedAside()).toEqual([]);
  });

  it('reads a stashed draft the draft contract no longer accepts as none, keeping everything else', () => {
    const store = open();
    store.setPreference({ key: 'pcName', value: 'Reception' });
    writeFileSync(configPath(), JSON.stringify({ ...readConfig(), stashedDraft: { value: { half: 'typed' }, baseVersion: 7 } }));
    const reopened = open();
    expect(reopened.getStashedDraft()).toBeNull();
    expect(reopened.getPreferences().pcName).toBe('Reception');
    expect(movedAside()).toEqual([]);
  });

  it('drops unreadable outbox entries but keeps the good ones', () => {
    const good = enqueuePresence([], { online: false, offlineUntil: null, changedBy: 'Reception' }, { id: crypto.randomUUID(), now: NOW });
    open().setOutbox(good);
    writeFileSync(configPath(), JSON.stringify({ ...readConfig(), outbox: [...good, { kind: 'presence', id: 'not-a-uuid' }] }));
    const reopened = open();
    expect(reopened.getOutbox()).toEqual(good);
    expect(reopened.notices).toEqual([expect.objectContaining({ kind: 'store-data-dropped', message: expect.stringContaining('1 unsent change') })]);
  });

  it('fills in what an older file lacks, keeping what it had', () => {
    writeFileSync(configPath(), JSON.stringify({ preferences: { pcName: 'Old PC', launchAtLogin: true, notifications: false, offlineReminderMinutes: 15 } }));
    const store = open();
    expect(store.getPreferences()).toEqual({ pcName: 'Old PC', launchAtLogin: true, notifications: false, offlineReminderMinutes: 15 });
    expect(store.getOutbox()).toEqual([]);
    expect(store.getReminderMemory()).toEqual({ snoozedUntil: null, snoozedFor: null, notifiedFor: null });
    expect(movedAside()).toEqual([]);
  });

  it('reads the file once, when opened, and writes every change through to disk before returning', () => {
    const store = open();
    writeFileSync(configPath(), 'what another process wrote is never read back');
    const settings = defaultSettings('Europe/London');
    store.saveConnection(connection);
    expect(readConfig()).toMatchObject({ connection: { clinicId: 'clinic-1' }, preferences: { pcName: 'FRONTDESK-2' } });
    writeFileSync(configPath(), '{}');
    store.setServerCopy({ settings, version: 7, presence: defaultPresence(NOW), receivedAt: NOW.toISOString() });
    store.stashDraft({ settings, baseVersion: 7 });
    store.setOutbox(enqueuePresence([], { online: false, offlineUntil: null, changedBy: 'Reception' }, { id: crypto.randomUUID(), now: NOW }));
    expect(store.readToken()).toBe('tok-123-secret');
    expect(store.getPreferences().pcName).toBe('FRONTDESK-2');
    expect(readConfig()).toMatchObject({ connection: { clinicId: 'clinic-1' }, serverCopy: { version: 7 }, stashedDraft: { baseVersion: 7 }, outbox: [{ kind: 'presence' }] });
  });

  it('hands out the same checked server copy until it is replaced, and refuses changes in place', () => {
    const store = open();
    store.setServerCopy({ settings: defaultSettings('Europe/London'), version: 7, presence: defaultPresence(NOW), receivedAt: NOW.toISOString() });
    const copy = store.getServerCopy();
    expect(store.getServerCopy()).toBe(copy);
    expect(() => {
      if (copy) copy.settings.week.monday.open = false;
    }).toThrow(TypeError);
    // A new switch keeps the settings object (what is cached per settings object stays valid).
    store.setServerCopy({ ...copy!, presence: { ...copy!.presence, online: false } });
    expect(store.getServerCopy()?.settings).toBe(copy?.settings);
    expect(store.getServerCopy()?.presence.online).toBe(false);
  });

  it('rejects writes that would break the file, so a bad value never reaches disk', () => {
    const store = open();
    expect(() => store.setPreference({ key: 'offlineReminderMinutes', value: -5 })).toThrow(/preferences would break the settings file/);
    expect(open().getPreferences().offlineReminderMinutes).toBe(30);
  });
});
