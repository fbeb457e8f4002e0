// What the routes are built from (assembled once in server.ts) and what each route declares.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ErrorCode } from '../../core/schemas/http-api.ts';
import type { ClinicStateCache } from '../clinic-state-cache.ts';
import type { ClinicEventHub } from '../events/clinic-event-hub.ts';
import type { EventStreams } from '../events/event-streams.ts';
import type { ClinicStore } from '../storage/clinic-store.ts';
import type { HistoryStore } from '../storage/history-store.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: a clinic's staff, the admin, any website's pages (CORS), or anyone. */
    access?: 'staff' | 'admin' | 'website' | 'anyone';
    /** High-volume public routes: their requests are logged at debug level only. */
    quietLog?: boolean;
    /** How a body its schema refuses is answered (else 400 `bad_request` with the first problem). */
    invalidBody?: { code?: ErrorCode; message: string };
  }
  interface FastifySchema {
    summary?: string;
    description?: string;
  }
}

export type HttpApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

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

export const clinicParams = z.object({ id: z.string() });

/** Ids we hand out are UUIDs; anything not shaped like an id is unknown without asking the database. */
export const isClinicIdShape = (id: string): boolean => /^[A-Za-z0-9_-]{1,64}$/.test(id);

/** The route pattern of a per-clinic path from core's apiPaths, so no path is spelled twice. */
export const clinicRoute = (path: (id: string) => string): string => path('CLINIC_ID').replace('CLINIC_ID', ':id');
