// What the routes are built from (assembled once in server.ts, the composition root).
import type { ClinicStateCache } from '../clinic-state-cache.ts';
import type { ClinicEventHub } from '../events/clinic-event-hub.ts';
import type { EventStreams } from '../events/event-streams.ts';
import type { ClinicStore } from '../storage/clinic-store.ts';
import type { HistoryStore } from '../storage/history-store.ts';

export type RouteContext = {
  store: ClinicStore;
  history: HistoryStore;
  cache: ClinicStateCache;
  hub: ClinicEventHub;
  streams: EventStreams;
  now: () => Date;
  adminToken: string | undefined;
  /** Per client IP, for each public endpoint; message posts get a twentieth of it. */
  rateLimitPerMinute: number;
};

export type ClinicParams = { Params: { id: string } };

const clinicIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
/** Ids we hand out are UUIDs; anything not shaped like an id is unknown without asking the database. */
export const isClinicIdShape = (id: string): boolean => clinicIdPattern.test(id);

const idPlaceholder = 'CLINIC_ID_PARAM';
/** The route pattern of a per-clinic path from core's apiPaths, so no path is spelled twice. */
export const clinicRoute = (path: (id: string) => string): string => path(idPlaceholder).replace(idPlaceholder, ':id');
