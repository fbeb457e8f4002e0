// Recently asked-for clinics in memory, so the public availability endpoint answers without the
// database. Every change reaches it through the event hub (from every instance), which updates or drops it.
import type { ChangeNotice } from './events/change-notice.ts';
import type { AvailabilityMemo } from './availability-view.ts';
import type { ClinicState, ClinicStore } from './storage/clinic-store.ts';

/** A cached clinic, and the public availability answer last computed from it (replaced with the state). */
export type CachedClinic = { state: ClinicState; availability: AvailabilityMemo | null };

export class ClinicStateCache {
  readonly #store: ClinicStore;
  readonly #capacity: number;
  readonly #entries = new Map<string, CachedClinic>();
  readonly #loading = new Map<string, Promise<CachedClinic | null>>();
  /** Counts changes seen; a load that saw one happen while it read may hold an older state. */
  #changes = 0;

  constructor(store: ClinicStore, capacity = 50_000) {
    this.#store = store;
    this.#capacity = capacity;
  }

  async get(clinicId: string): Promise<CachedClinic | null> {
    const cached = this.#entries.get(clinicId);
    if (cached) return cached;
    const pending = this.#loading.get(clinicId);
    if (pending) return pending;
    const loading = this.#load(clinicId).finally(() => {
      if (this.#loading.get(clinicId) === loading) this.#loading.delete(clinicId);
    });
    this.#loading.set(clinicId, loading);
    return loading;
  }

  /** Brings an entry up to date with a committed change, or drops it when the change cannot be applied. */
  applyChange(notice: ChangeNotice): void {
    this.#changes++;
    this.#loading.delete(notice.clinicId);
    const cached = this.#entries.get(notice.clinicId);
    if (!cached) return;
    const { state } = cached;
    if (notice.seq <= state.eventSeq) return;
    if (notice.event === null || notice.seq !== state.eventSeq + 1 || notice.event.type === 'availability') {
      this.#entries.delete(notice.clinicId);
      return;
    }
    const next: ClinicState =
      notice.event.type === 'settings'
        ? { ...state, settings: notice.event.data.settings, version: notice.event.data.version, eventSeq: notice.seq }
        : { ...state, presence: notice.event.data.presence, eventSeq: notice.seq };
    this.#entries.set(notice.clinicId, { state: next, availability: null });
  }

  /** After losing contact with other instances (a dropped LISTEN connection) nothing cached can be trusted. */
  clear(): void {
    this.#changes++;
    this.#loading.clear();
    this.#entries.clear();
  }

  async #load(clinicId: string): Promise<CachedClinic | null> {
    const changesBefore = this.#changes;
    const state = await this.#store.findClinic(clinicId);
    const entry: CachedClinic | null = state ? { state, availability: null } : null;
    if (entry && this.#changes === changesBefore) this.#remember(clinicId, entry);
    return entry;
  }

  #remember(clinicId: string, entry: CachedClinic): void {
    if (this.#entries.size >= this.#capacity) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(clinicId, entry);
  }
}
