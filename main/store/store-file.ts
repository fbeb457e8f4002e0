// The settings file, held in memory once opened. Only this process writes it (the desktop app holds
// the single-instance lock; the preview host and each test use their own directory), so reading it
// back from disk on every get — conf parses and schema-checks the whole file each time — bought
// nothing. Every set still goes to disk, synchronously and atomically, before it returns.
import type Conf from 'conf';
import type { StoreShape } from './store-schema.ts';

/** The subset of Conf / ElectronStore the app store uses: the whole file's contents and its path. */
export type BackingStore = Pick<Conf<StoreShape>, 'store' | 'path'>;

export class StoreFile {
  readonly path: string;
  readonly #backing: BackingStore;
  /** The file's contents as last written, conf's own bookkeeping (`__internal__`) included. */
  #contents: Readonly<StoreShape>;

  constructor(backing: BackingStore) {
    this.#backing = backing;
    this.path = backing.path;
    this.#contents = deepFreeze(backing.store);
  }

  /** What the file holds under `key`; frozen, since callers share it (change it with `set`). */
  get<K extends keyof StoreShape>(key: K): StoreShape[K] {
    return this.#contents[key];
  }

  /**
   * Writes the file with `key` replaced. Conf checks the whole against the JSON schema and writes it
   * atomically; when it throws (a value the schema refuses, a full disk) nothing changes here either.
   */
  set<K extends keyof StoreShape>(key: K, value: StoreShape[K]): void {
    const next = { ...this.#contents, [key]: value };
    this.#backing.store = next;
    this.#contents = deepFreeze(next);
  }
}

/** Freezes a JSON value through and through: a caller changing a shared object would make memory and disk disagree. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
