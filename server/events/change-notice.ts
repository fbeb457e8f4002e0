// What a committed change tells the other instances through PostgreSQL NOTIFY: the clinic, the event id,
// and the event when it fits in a notification (8000 bytes); otherwise listeners read the events table.
import type { ClinicEvent } from '../../core/schemas/http-api.ts';

export const CHANGES_CHANNEL = 'chatdesk_clinic_changes';
const MAX_PAYLOAD_BYTES = 7_900;

/** A stored change: its per-clinic id and the event streams send. */
export type SequencedEvent = { seq: number; event: ClinicEvent };
export type ChangeNotice = { clinicId: string; seq: number; event: ClinicEvent | null };

export function encodeChangeNotice(clinicId: string, stored: SequencedEvent): string {
  const full = JSON.stringify({ clinicId, seq: stored.seq, event: stored.event });
  return Buffer.byteLength(full) <= MAX_PAYLOAD_BYTES ? full : JSON.stringify({ clinicId, seq: stored.seq, event: null });
}

export function decodeChangeNotice(payload: string): ChangeNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<ChangeNotice>;
    if (typeof value.clinicId !== 'string' || typeof value.seq !== 'number') return null;
    return { clinicId: value.clinicId, seq: value.seq, event: value.event ?? null };
  } catch {
    return null;
  }
}
