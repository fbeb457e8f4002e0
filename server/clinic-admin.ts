// Creating clinics and replacing their tokens straight on a data directory or database, with or
// without a running server: for the admin CLI, `npm start`'s demo clinic and benchmark seeding.
import { createClinicRequestSchema } from '../core/schemas/http-api.ts';
import type { CreateClinicResponse } from '../core/schemas/http-api.ts';
import { fieldErrorsFromIssues } from '../core/schemas/schedule.ts';
import { ClinicStore } from './storage/clinic-store.ts';
import { openStorage } from './storage/database.ts';
import type { StorageLocation } from './storage/database.ts';

export class InvalidClinicError extends Error {}

async function withStore<T>(location: StorageLocation, work: (store: ClinicStore) => Promise<T>): Promise<T> {
  const storage = await openStorage(location);
  try {
    return await work(new ClinicStore(storage));
  } finally {
    await storage.close();
  }
}

/** Clinics with default settings, online, each with one staff token (returned here and never again), in one transaction. */
export async function createClinics(location: StorageLocation, requests: { name: string; timezone: string }[], now = new Date()): Promise<CreateClinicResponse[]> {
  const clinics = requests.map((request) => {
    const parsed = createClinicRequestSchema.safeParse(request);
    if (parsed.success) return parsed.data;
    throw new InvalidClinicError(fieldErrorsFromIssues(parsed.error.issues).map((detail) => `${detail.path}: ${detail.message}`).join('; '));
  });
  return withStore(location, (store) => store.createClinics(clinics, now));
}

export const createClinic = async (location: StorageLocation, request: { name: string; timezone: string }, now = new Date()): Promise<CreateClinicResponse> =>
  (await createClinics(location, [request], now))[0]!;

/** Replaces every staff token of the clinic; null when there is no such clinic. */
export const rotateClinicToken = (location: StorageLocation, clinicId: string, now = new Date()): Promise<string | null> => withStore(location, (store) => store.rotateToken(clinicId, now));

/** Whether a clinic exists (`npm start` checks the demo clinic it remembers). */
export const clinicExists = (location: StorageLocation, clinicId: string): Promise<boolean> => withStore(location, async (store) => (await store.findClinic(clinicId)) !== null);
