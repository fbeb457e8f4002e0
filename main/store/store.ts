// The app's persistent state on this PC, written against `conf` (electron-store's base class, same
// options): the composition root passes a factory that builds ElectronStore in Electron, Conf elsewhere.
import { hostname as osHostname } from 'node:os';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { Options } from 'conf';
import { chatSettingsSchema, presenceSchema } from '../../core/schemas/schedule.ts';
import type { ChatSettings, Presence } from '../../core/schemas/schedule.ts';
import { draftInputSchema } from '../../core/schemas/app-api.ts';
import type { Draft, Notice, Preferences, SettingsVersion, TokenStorage } from '../../core/schemas/app-api.ts';
import { appMessages, storeMessages } from '../controller/app-messages.ts';
import type { SecretBox } from './secret-box.ts';
import { outboxOperationSchema } from '../sync/outbox.ts';
import type { OutboxOperation } from '../sync/outbox.ts';
import { STORE_SCHEMA_VERSION, storeDefaults, storeJsonSchema, storeMigrations } from './store-schema.ts';
import type { StoreShape, StoredReminderMemory, WindowBounds } from './store-schema.ts';
import { StoreFile, deepFreeze } from './store-file.ts';
import type { BackingStore } from './store-file.ts';

export type BackingStoreFactory = (options: Options<StoreShape>) => BackingStore;

export type OpenAppStoreOptions = {
  /** Directory of the settings file (Electron: app.getPath('userData')). */
  directory: string;
  secretBox: SecretBox;
  /** Why the box cannot encrypt, shown to staff when the token is kept as plain text. */
  plainTextReason?: string;
  createBackingStore?: BackingStoreFactory;
  hostname?: string;
  now?: () => Date;
  configName?: string;
};

export type ConnectionRecord = {
  serverUrl: string;
  clinicId: string;
  clinicName: string | null;
  tokenStorage: TokenStorage;
};

export type ServerCopyRecord = {
  settings: ChatSettings;
  version: SettingsVersion;
  presence: Presence;
  receivedAt: string;
};

export class AppStore {
  readonly path: string;
  readonly #backing: StoreFile;
  readonly #secretBox: SecretBox;
  readonly #plainTextReason: string;
  #notices: Notice[];
  /** The server copy checked against core's schemas once per write, not on every read. */
  #serverCopy: ServerCopyRecord | null;

  constructor(backing: StoreFile, secretBox: SecretBox, plainTextReason: string, notices: Notice[]) {
    this.#backing = backing;
    this.#secretBox = secretBox;
    this.#plainTextReason = plainTextReason;
    this.#notices = notices;
    this.path = backing.path;
    this.#serverCopy = parseServerCopy(backing.get('serverCopy'));
  }

  /** Things staff should know about how the store was loaded (recovered file, plain-text token). */
  get notices(): readonly Notice[] {
    return this.#notices;
  }

  dismissNotice(id: string): void {
    this.#notices = this.#notices.filter((notice) => notice.id !== id);
  }

  addNotice(notice: Notice): void {
    this.#notices = [...this.#notices.filter((existing) => existing.id !== notice.id), notice];
  }

  getConnection(): ConnectionRecord | null {
    const stored = this.#backing.get('connection');
    if (!stored) return null;
    return { serverUrl: stored.serverUrl, clinicId: stored.clinicId, clinicName: stored.clinicName, tokenStorage: stored.token.storage };
  }

  /** Why the token is plain text, or null when it is encrypted or there is no connection. */
  tokenStorageNote(): string | null {
    return this.getConnection()?.tokenStorage === 'plain-text' ? storeMessages.tokenPlainText(this.#plainTextReason) : null;
  }

  saveConnection(input: { serverUrl: string; clinicId: string; clinicName: string | null; token: string }): ConnectionRecord {
    const token = this.#secretBox.isEncryptionAvailable()
      ? { storage: 'encrypted' as const, ciphertext: this.#secretBox.encrypt(input.token) }
      : { storage: 'plain-text' as const, value: input.token };
    this.#backing.set('connection', { serverUrl: input.serverUrl, clinicId: input.clinicId, clinicName: input.clinicName, token });
    return { serverUrl: input.serverUrl, clinicId: input.clinicId, clinicName: input.clinicName, tokenStorage: token.storage };
  }

  /** The token, or null when none is stored or it cannot be decrypted (then staff must reconnect). */
  readToken(): string | null {
    const token = this.#backing.get('connection')?.token;
    if (!token) return null;
    if (token.storage === 'plain-text') return token.value;
    try {
      return this.#secretBox.decrypt(token.ciphertext);
    } catch {
      // Happens when the OS key changed (another user, a reinstalled keyring): the ciphertext is useless.
      this.addNotice({ id: 'token-unreadable', kind: 'token-unreadable', message: appMessages.tokenUnreadable });
      return null;
    }
  }

  clearConnection(): void {
    this.#backing.set('connection', null);
  }

  getServerCopy(): ServerCopyRecord | null {
    return this.#serverCopy;
  }

  setServerCopy(copy: ServerCopyRecord | null): void {
    this.#backing.set('serverCopy', copy);
    this.#serverCopy = parseServerCopy(copy, this.#serverCopy);
  }

  /** Unsaved changes the window left (the renderer owns the draft; this only keeps it across windows). */
  getStashedDraft(): Draft | null {
    return draftInputSchema.safeParse(this.#backing.get('stashedDraft')).data ?? null;
  }

  stashDraft(draft: Draft | null): void {
    this.#backing.set('stashedDraft', draft);
  }

  getOutbox(): OutboxOperation[] {
    return this.#backing.get('outbox').flatMap((raw) => {
      const parsed = outboxOperationSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Written synchronously (conf writes atomically) so an acknowledged change is on disk first. */
  setOutbox(operations: readonly OutboxOperation[]): void {
    this.#backing.set('outbox', [...operations]);
  }

  getPreferences(): Preferences {
    return { ...this.#backing.get('preferences') };
  }

  setPreference<K extends keyof Preferences>(key: K, value: Preferences[K]): void {
    this.#backing.set('preferences', { ...this.#backing.get('preferences'), [key]: value });
  }

  getReminderMemory(): StoredReminderMemory {
    return { ...this.#backing.get('reminder') };
  }

  setReminderMemory(memory: StoredReminderMemory): void {
    this.#backing.set('reminder', { ...memory });
  }

  getWindowBounds(): WindowBounds | null {
    return this.#backing.get('windowBounds');
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.#backing.set('windowBounds', bounds);
  }
}

/**
 * The stored copy checked against core's schemas; null when it no longer fits them. Settings or a
 * switch carried over from `previous` keep their identity, so what is cached per settings object
 * (evaluateAvailability's compiled schedule) survives a presence change. Frozen:
 * settings are shared and never changed in place.
 */
function parseServerCopy(raw: StoreShape['serverCopy'], previous: ServerCopyRecord | null = null): ServerCopyRecord | null {
  if (!raw) return null;
  const settings = previous && raw.settings === previous.settings ? previous.settings : chatSettingsSchema.safeParse(raw.settings).data;
  const presence = previous && raw.presence === previous.presence ? previous.presence : presenceSchema.safeParse(raw.presence).data;
  if (!settings || !presence) return null;
  return deepFreeze({ settings, version: raw.version, presence, receivedAt: raw.receivedAt });
}

/** Options shared by Conf and ElectronStore, so both read and write the same file the same way. */
export function appStoreOptions(directory: string, hostname: string, configName = 'config'): Options<StoreShape> {
  return {
    cwd: directory,
    configName,
    defaults: storeDefaults(hostname),
    schema: storeJsonSchema,
    projectVersion: STORE_SCHEMA_VERSION,
    migrations: storeMigrations(hostname),
    accessPropertiesByDotNotation: false,
    // We move a bad file aside ourselves; conf would silently empty it.
    clearInvalidConfig: false,
    // The file holds the access token (plain text where no secret store exists): owner-only.
    configFileMode: 0o600,
  };
}

/**
 * Opens the store. A file that cannot be read, parsed, migrated or validated is renamed with a
 * timestamp suffix (kept for support, never deleted) and the app starts from defaults with a notice.
 */
export function openAppStore(options: OpenAppStoreOptions): AppStore {
  const now = options.now ?? (() => new Date());
  const hostname = options.hostname ?? osHostname();
  const configName = options.configName ?? 'config';
  const create = options.createBackingStore ?? ((storeOptions) => new Conf<StoreShape>(storeOptions));
  const storeOptions = appStoreOptions(options.directory, hostname, configName);
  const notices: Notice[] = [];

  let backing: BackingStore;
  try {
    backing = create(storeOptions);
  } catch (error) {
    const filePath = join(options.directory, `${configName}.json`);
    if (!existsSync(filePath)) throw error; // not the file's fault: nothing to move aside
    const movedTo = join(options.directory, `${configName}.unreadable-${fileSafeTimestamp(now())}.json`);
    renameSync(filePath, movedTo);
    backing = create(storeOptions);
    notices.push({
      id: `store-recovered:${movedTo}`,
      kind: 'store-recovered',
      message: storeMessages.fileRecovered(describeError(error), movedTo),
    });
  }

  const file = new StoreFile(backing);
  dropUnreadableParts(file, notices);
  const store = new AppStore(file, options.secretBox, options.plainTextReason ?? storeMessages.noSecretStore, notices);
  const note = store.tokenStorageNote();
  if (note) store.addNotice({ id: 'token-plain-text', kind: 'token-plain-text', message: note });
  return store;
}

/** Parts whose inner shape no longer matches core's schemas are dropped (the server has them). */
function dropUnreadableParts(backing: StoreFile, notices: Notice[]): void {
  const rawCopy = backing.get('serverCopy');
  if (rawCopy && !parseServerCopy(rawCopy)) {
    backing.set('serverCopy', null);
    notices.push({
      id: 'store-data-dropped:serverCopy',
      kind: 'store-data-dropped',
      message: storeMessages.serverCopyDropped,
    });
  }
  const rawOutbox = backing.get('outbox');
  const readable = rawOutbox.filter((raw) => outboxOperationSchema.safeParse(raw).success);
  if (readable.length !== rawOutbox.length) {
    backing.set('outbox', readable);
    notices.push({
      id: 'store-data-dropped:outbox',
      kind: 'store-data-dropped',
      message: storeMessages.outboxDropped(rawOutbox.length - readable.length),
    });
  }
}

function fileSafeTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

function describeError(error: unknown): string {
  if (error instanceof SyntaxError) return 'not valid JSON';
  if (error instanceof Error && error.message.startsWith('Config schema violation')) return 'unexpected contents';
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return 'unknown error';
}
