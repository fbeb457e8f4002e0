// GET /v1/clinics/:id/events: the clinic's changes as Server-Sent Events. A new stream starts with the
// current settings and presence; a resumed one (Last-Event-ID) gets exactly the events it missed. Then
// every change follows live, and `availability` whenever it changes (including by the clock).
// Heartbeats keep proxies from closing the stream and recheck that the stream's token is still valid.
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../core/http-paths.ts';
import { headers } from '../../core/schemas/http-api.ts';
import { availabilityFrame, availabilityOf } from '../availability-view.ts';
import { eventFrame } from '../events/event-streams.ts';
import type { EventStream, StreamFrame } from '../events/event-streams.ts';
import { authorizeStaff } from './auth.ts';
import type { ClinicParams, RouteContext } from './context.ts';
import { clinicRoute } from './context.ts';
import { HttpError } from './errors.ts';

function parseLastEventId(value: string | string[] | undefined): number | null {
  return typeof value === 'string' && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null;
}

export function registerEventRoutes(app: FastifyInstance, context: RouteContext): void {
  const { store, cache, hub, streams, now } = context;

  /** Sends what a client missed; answers the id of the last change it now knows about. */
  async function catchUp(stream: EventStream, clinicId: string, lastEventId: number | null, fromSeq: number): Promise<number> {
    if (lastEventId !== null && lastEventId <= fromSeq) {
      const missed = await store.eventsBetween(clinicId, lastEventId, fromSeq);
      // Ids have no gaps, so a short list means the oldest of them were pruned (retention-job.ts).
      if (missed.length === fromSeq - lastEventId) {
        for (const stored of missed) stream.send(eventFrame(stored.seq, stored.event));
        return fromSeq;
      }
    }
    // A new client, an id this database never gave out (restored backup), or one older than the events
    // kept: start from a snapshot.
    const clinic = await store.findClinic(clinicId);
    if (!clinic) throw new HttpError(404, 'not_found', 'There is no clinic with this id');
    stream.send(eventFrame(null, { type: 'settings', data: { settings: clinic.settings, version: clinic.version } }));
    stream.send(eventFrame(clinic.eventSeq, { type: 'presence', data: { presence: clinic.presence } }));
    return clinic.eventSeq;
  }

  app.get<ClinicParams>(clinicRoute(apiPaths.events), async (request, reply) => {
    const { clinicId, token } = await authorizeStaff(request, reply, context);
    const lastEventId = parseLastEventId(request.headers[headers.lastEventId]);

    reply.hijack();
    // A replaced token (rotate-token) ends the streams opened with it at their next heartbeat.
    const stream = streams.open(reply.raw, { clinicId, token });
    let sentUpTo = -1;
    let live = false;
    const early: StreamFrame[] = [];
    const send = (frame: StreamFrame) => {
      // A snapshot may already include changes whose events are still on their way.
      if (frame.id !== null && frame.id <= sentUpTo) return;
      if (frame.id !== null) sentUpTo = frame.id;
      stream.send(frame);
    };
    try {
      const subscription = await hub.subscribe(clinicId, {
        onFrame: (frame) => (live ? send(frame) : early.push(frame)),
        onBroken: () => stream.close(),
      });
      if (!subscription) return stream.close();
      stream.onClose(() => subscription.unsubscribe());
      sentUpTo = await catchUp(stream, clinicId, lastEventId, subscription.fromSeq);
      const clinic = await cache.get(clinicId);
      if (clinic) send(availabilityFrame(availabilityOf(clinic, now())));
      for (const frame of early) send(frame);
      live = true;
    } catch (error) {
      request.log.error({ err: error }, 'could not start an event stream');
      stream.close();
    }
  });
}
