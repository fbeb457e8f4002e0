// The app's state on this PC: one JSON file, read once and held in memory (only this process writes it),
// every change on disk, written atomically, before it returns.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'atomically';
import { z } from 'zod';
import { chatSettingsSchema, presenceSchema } from '../../core/schemas/schedule.ts';
import { draftInputSchema } from '../../core/schemas/app-api.ts';
import type { ConnectionInfo, Draft, Notice, PreferenceInput, Preferences, ServerCopy } from '../../core/schemas/app-api.ts';
import { appMessages, storeMessages } from '../controller/app-messages.ts';
import { outboxOperationSchema } from '../sync/outbox.ts';
import type { OutboxOperation } from '../sync/outbox.ts';
import type { SecretBox } from './secret-box.ts';
import { storeDefaults, storeFileSchema } from './store-schema.ts';
import type { StoreShape, StoredReminderMemory, WindowBounds } from './store-schema.ts';

/** `directory`: Electron's app.getPath('userData'); `plainTextReason`: why the box cannot encrypt, told to staff. */
export type OpenAppStoreOptions = { directory: string; secretBox: SecretBox; plainTextReason?: string | null; hostname?: string; now?: () => Date };

export type ConnectionRecord = Omit<ConnectionInfo, 'tokenStorageNote'>;

export class AppStore {
  readonly #file: string;
  /** The file's contents as last written; frozen, since callers share them. */
  #contents: Readonly<StoreShape>;
  readonly #secretBox: SecretBox;
  readonly #plainTextReason: string;
  #notices: Notice[] = [];
  /** The server copy checked against core's schemas once per write, not on every read. */
  #serverCopy: ServerCopy | null;

  constructor(file: string, contents: StoreShape, options: OpenAppStoreOptions) {
    this.#file = file;
    this.#contents = deepFreeze(contents);
    this.#secretBox = options.secretBox;
    this.#plainTextReason = options.plainTextReason ?? storeMessages.noSecretStore;
    this.#serverCopy = parseServerCopy(contents.serverCopy);
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
    const stored = this.#contents.connection;
    return stored && { serverUrl: stored.serverUrl, clinicId: stored.clinicId, clinicName: stored.clinicName, tokenStorage: stored.token.storage };
  }

  /** Why the token is plain text, or null when it is encrypted or there is no connection. */
  tokenStorageNote(): string | null {
    return this.getConnection()?.tokenStorage === 'plain-text' ? storeMessages.tokenPlainText(this.#plainTextReason) : null;
  }

  saveConnection(input: { serverUrl: string; clinicId: string; clinicName: string | null; token: string }): void {
    const token = this.#secretBox.isEncryptionAvailable()
      ? { storage: 'encrypted' as const, ciphertext: this.#secretBox.encrypt(input.token) }
      : { storage: 'plain-text' as const, value: input.token };
    this.#set('connection', { serverUrl: input.serverUrl, clinicId: input.clinicId, clinicName: input.clinicName, token });
  }

  /** The token, or null when none is stored or it cannot be decrypted (then staff must reconnect). */
  readToken(): string | null {
    const token = this.#contents.connection?.token;
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
    this.#set('connection', null);
  }

  getServerCopy(): ServerCopy | null {
    return this.#serverCopy;
  }

  setServerCopy(copy: ServerCopy | null): void {
    this.#set('serverCopy', copy);
    this.#serverCopy = parseServerCopy(copy, this.#serverCopy);
  }

  /** Unsaved changes the window left; null when none, or when they no longer fit the contract. */
  getStashedDraft(): Draft | null {
    return draftInputSchema.safeParse(this.#contents.stashedDraft).data ?? null;
  }

  stashDraft(draft: Draft | null): void {
    this.#set('stashedDraft', draft);
  }

  getOutbox(): OutboxOperation[] {
    return this.#contents.outbox.flatMap((raw) => outboxOperationSchema.safeParse(raw).data ?? []);
  }

  setOutbox(operations: readonly OutboxOperation[]): void {
    this.#set('outbox', [...operations]);
  }

  getPreferences(): Preferences {
    return { ...this.#contents.preferences };
  }

  setPreference({ key, value }: PreferenceInput): void {
    this.#set('preferences', { ...this.#contents.preferences, [key]: value });
  }

  getReminderMemory(): StoredReminderMemory {
    return { ...this.#contents.reminder };
  }

  setReminderMemory(memory: StoredReminderMemory): void {
    this.#set('reminder', { ...memory });
  }

  getWindowBounds(): WindowBounds | null {
    return this.#contents.windowBounds;
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.#set('windowBounds', bounds);
  }

  /** Checks the value and writes the whole file with it, atomically; when either throws, nothing changed. */
  #set<K extends keyof StoreShape>(key: K, value: StoreShape[K]): void {
    const checked = storeFileSchema.shape[key].safeParse(value);
    if (!checked.success) throw new Error(`${key} would break the settings file: ${z.prettifyError(checked.error)}`);
    const next = { ...this.#contents, [key]: value };
    writeFile(this.#file, next);
    this.#contents = deepFreeze(next);
  }
}

/**
 * The stored copy checked against core's schemas; null when it no longer fits them. Settings or a
 * switch carried over from `previous` keep their identity, so what is cached per settings object
 * (evaluateAvailability's compiled schedule) survives a presence change.
 */
function parseServerCopy(raw: StoreShape['serverCopy'], previous: ServerCopy | null = null): ServerCopy | null {
  if (!raw) return null;
  const settings = previous && raw.settings === previous.settings ? previous.settings : chatSettingsSchema.safeParse(raw.settings).data;
  const presence = previous && raw.presence === previous.presence ? previous.presence : presenceSchema.safeParse(raw.presence).data;
  return settings && presence ? deepFreeze({ settings, version: raw.version, presence, receivedAt: raw.receivedAt }) : null;
}

/**
 * Opens the store. A file that cannot be read, parsed or validated is renamed with a timestamp suffix
 * (kept for support, never deleted) and the app starts from defaults with a notice; a server copy or
 * outbox operations that no longer fit core's schemas are dropped (the server has them), with a notice.
 */
export function openAppStore(options: OpenAppStoreOptions): AppStore {
  const now = options.now ?? (() => new Date());
  const file = join(options.directory, 'config.json');
  const defaults = storeDefaults(options.hostname ?? osHostname());
  // What an older file lacks comes from the defaults.
  const read = () => storeFileSchema.parse({ ...defaults, ...z.looseObject({}).parse(JSON.parse(readFileSync(file, 'utf8'))) });
  const notices: Notice[] = [];
  let contents = defaults;
  try {
    if (existsSync(file)) contents = read();
  } catch (error) {
    const movedTo = join(options.directory, `config.unreadable-${now().toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(file, movedTo);
    notices.push({ id: `store-recovered:${movedTo}`, kind: 'store-recovered', message: storeMessages.fileRecovered(describeError(error), movedTo) });
  }
  if (contents.serverCopy && !parseServerCopy(contents.serverCopy)) {
    contents.serverCopy = null;
    notices.push({ id: 'store-data-dropped:serverCopy', kind: 'store-data-dropped', message: storeMessages.serverCopyDropped });
  }
  const readable = contents.outbox.filter((raw) => outboxOperationSchema.safeParse(raw).success);
  if (readable.length !== contents.outbox.length) {
    notices.push({ id: 'store-data-dropped:outbox', kind: 'store-data-dropped', message: storeMessages.outboxDropped(contents.outbox.length - readable.length) });
    contents.outbox = readable;
  }
  writeFile(file, contents);
  const store = new AppStore(file, contents, options);
  for (const notice of notices) store.addNotice(notice);
  const note = store.tokenStorageNote();
  if (note) store.addNotice({ id: 'token-plain-text', kind: 'token-plain-text', message: note });
  return store;
}

/** The file holds the access token (plain text where no secret store exists): readable by this user only. */
function writeFile(file: string, contents: StoreShape): void {
  writeFileSync(file, `${JSON.stringify(contents, null, '\t')}\n`, { mode: 0o600 });
}

function describeError(error: unknown): string {
  if (error instanceof SyntaxError) return 'not valid JSON';
  if (error instanceof z.ZodError) return 'unexpected contents';
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return 'unknown error';
}

/** Freezes a JSON value through and through: a caller changing a shared object would make memory and disk disagree. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
