// Creating clinics and replacing their tokens straight on a data directory or database, without a
// running server: used by the admin CLI and by `npm start` to create its demo clinic once.
import { fieldErrorsFromIssues } from '../core/schemas/schedule.ts';
import type { FieldError } from '../core/schemas/schedule.ts';
import { createClinicRequestSchema } from '../core/schemas/http-api.ts';
import type { CreateClinicResponse } from '../core/schemas/http-api.ts';
import { ClinicStore } from './storage/clinic-store.ts';
import { openStorage } from './storage/database.ts';
import type { StorageLocation } from './storage/database.ts';


export class InvalidClinicError extends Error {
  readonly details: FieldError[];
  constructor(details: FieldError[]) {
    super(details.map((detail) => `${detail.path}: ${detail.message}`).join('; '));
    this.details = details;
  }
}

async function withStore<T>(location: StorageLocation, work: (store: ClinicStore) => Promise<T>): Promise<T> {
  const storage = await openStorage(location);
  try {
    return await work(new ClinicStore(storage));
  } finally {
    await storage.close();
  }
}

/** A clinic with default settings, online, and one staff token (returned here and never again). */
export async function createClinic(location: StorageLocation, request: { name: string; timezone: string }, now = new Date()): Promise<CreateClinicResponse> {
  const parsed = createClinicRequestSchema.safeParse(request);
  if (!parsed.success) throw new InvalidClinicError(fieldErrorsFromIssues(parsed.error.issues));
  return withStore(location, (store) => store.createClinic(parsed.data, now));
}

/** Many clinics in one transaction (an import, or seeding a benchmark). */
export async function createClinics(location: StorageLocation, requests: { name: string; timezone: string }[], now = new Date()): Promise<CreateClinicResponse[]> {
  const parsed = requests.map((request) => createClinicRequestSchema.safeParse(request));
  const invalid = parsed.find((result) => !result.success);
  if (invalid && !invalid.success) throw new InvalidClinicError(fieldErrorsFromIssues(invalid.error.issues));
  return withStore(location, (store) => store.createClinics(parsed.map((result) => result.data!), now));
}

/** Replaces every staff token of the clinic; null when there is no such clinic. */
export async function rotateClinicToken(location: StorageLocation, clinicId: string, now = new Date()): Promise<string | null> {
  return withStore(location, (store) => store.rotateToken(clinicId, now));
}

/** Whether a clinic exists (so `npm start` can tell whether its remembered demo clinic is still there). */
export async function clinicExists(location: StorageLocation, clinicId: string): Promise<boolean> {
  return withStore(location, async (store) => (await store.findClinic(clinicId)) !== null);
}
