// Saving the settings: the renderer's draft checked by parseSettings and queued in the outbox with the
// version it was based on, and the conflict when another PC saved first, both versions kept until staff choose.
import { parseSettings } from '../../core/schemas/schedule.ts';
import type { AppError, ConflictChoice, Draft } from '../../core/schemas/app-api.ts';
import type { SettingsResponse } from '../../core/schemas/http-api.ts';
import { sameJson } from '../../core/same-json.ts';
import { appMessages } from './app-messages.ts';
import type { Conflict } from './app-state.ts';
import { applyServerSettings } from '../sync/local-copy.ts';
import { enqueueSettingsSave, removeOperation } from '../sync/outbox.ts';
import type { PersistedOutbox, SettingsSaveOperation } from '../sync/outbox.ts';
import type { AppStore } from '../store/store.ts';

type EditorDeps = { store: AppStore; outbox: PersistedOutbox; now: () => Date; newId: () => string };

/** An operation refused before anything was written. */
export class Refusal extends Error {
  readonly error: AppError;
  constructor(code: AppError['code'], message: string, fields?: AppError['fields']) {
    super(message);
    this.error = { code, message, ...(fields ? { fields } : {}) };
  }
}

export class SettingsEditor {
  readonly #deps: EditorDeps;
  #conflict: Conflict | null = null;

  constructor(deps: EditorDeps) {
    this.#deps = deps;
  }

  get conflict(): Conflict | null {
    return this.#conflict;
  }

  /** Queues the draft for saving; false when it is already on its way (a second click on Save). */
  save(draft: Draft): boolean {
    const { outbox } = this.#deps;
    const server = this.#serverCopy();
    if (this.#conflict) throw new Refusal('conflict', appMessages.conflictPending);
    const parsed = parseSettings(draft.settings);
    if (!parsed.ok) throw new Refusal('invalid-settings', appMessages.fixFields, parsed.errors);
    const pending = outbox.operations.findLast((op): op is SettingsSaveOperation => op.kind === 'settings');
    if (pending && sameJson(pending.settings, parsed.value)) return false;
    if (!pending && sameJson(parsed.value, server.settings)) throw new Refusal('nothing-to-save', appMessages.nothingToSave);
    const save = { settings: parsed.value, baseVersion: draft.baseVersion, changedBy: this.#pcName() };
    outbox.update((queue) => enqueueSettingsSave(queue, save, this.#context()));
    return true;
  }

  /** Settles the conflict; answers the id of the save that waited, so the sender can move on. */
  resolve(choice: ConflictChoice): string {
    const conflict = this.#conflict;
    if (conflict === null) throw new Refusal('no-conflict', appMessages.noConflict);
    const { store, outbox } = this.#deps;
    if (choice === 'keep-mine') {
      // Re-save the same settings on top of theirs: an explicit, informed overwrite.
      const resave = { settings: conflict.mine, baseVersion: conflict.theirs.version, changedBy: this.#pcName() };
      outbox.update((queue) => enqueueSettingsSave(removeOperation(queue, conflict.opId), resave, this.#context()));
    } else {
      outbox.update((queue) => removeOperation(queue, conflict.opId));
      applyServerSettings(store, conflict.theirs, this.#deps.now());
    }
    this.#conflict = null;
    return conflict.opId;
  }

  /** Settings from the server (event stream or catch-up). */
  received(settings: SettingsResponse): void {
    applyServerSettings(this.#deps.store, settings, this.#deps.now());
    // Someone saved again while staff were deciding: "theirs" is now that newer version.
    if (this.#conflict && settings.version > this.#conflict.theirs.version) this.#conflict = { ...this.#conflict, theirs: settings };
  }

  saved(saved: SettingsResponse): void {
    applyServerSettings(this.#deps.store, saved, this.#deps.now());
  }

  /** 412. If the server already holds exactly our settings, an earlier attempt got through. */
  stale(op: SettingsSaveOperation, current: SettingsResponse): 'landed' | 'conflict' {
    if (sameJson(current.settings, op.settings)) return 'landed';
    applyServerSettings(this.#deps.store, current, this.#deps.now());
    this.#conflict = { opId: op.id, mine: op.settings, theirs: current };
    return 'conflict';
  }

  forget(): void {
    this.#conflict = null;
  }

  #serverCopy() {
    const copy = this.#deps.store.getServerCopy();
    if (copy === null) throw new Refusal('not-connected', appMessages.noServerCopyYet);
    return copy;
  }

  /** Colleagues see this name as who saved, in the change history. */
  #pcName(): string {
    return this.#deps.store.getPreferences().pcName;
  }

  #context() {
    return { id: this.#deps.newId(), now: this.#deps.now() };
  }
}
