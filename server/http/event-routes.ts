// GET /v1/clinics/:id/events: a new stream starts with the current settings and presence, a resumed
// one (Last-Event-ID) gets exactly the events it missed; then every change live, and `availability`
// whenever it changes, by a change or by the clock.
import { z } from 'zod';
import { apiPaths } from '../../core/http-paths.ts';
import { clinicEventSchema, headers, lastEventIdSchema } from '../../core/schemas/http-api.ts';
import { availabilityFrame, availabilityOf } from '../availability-view.ts';
import { eventFrame } from '../events/event-streams.ts';
import type { EventStream, StreamFrame } from '../events/event-streams.ts';
import { bearerToken, refusal } from './auth.ts';
import type { HttpApp, RouteContext } from './context.ts';
import { clinicParams, clinicRoute } from './context.ts';

export function registerEventRoutes(app: HttpApp, { store, cache, hub, streams, now }: RouteContext): void {
  /** Sends what a client missed; answers the id of the last change it now knows about. */
  async function catchUp(stream: EventStream, clinicId: string, lastEventId: number | undefined, fromSeq: number): Promise<number> {
    if (lastEventId !== undefined && lastEventId <= fromSeq) {
      const missed = await store.eventsBetween(clinicId, lastEventId, fromSeq);
      // Ids have no gaps, so a short list means the oldest of them were pruned (retention-job.ts).
      if (missed.length === fromSeq - lastEventId) {
        for (const stored of missed) stream.send(eventFrame(stored.seq, stored.event));
        return fromSeq;
      }
    }
    // A new client, an id this database never gave out (a restored backup), or one older than the
    // events kept: a snapshot.
    const clinic = await store.findClinic(clinicId);
    if (!clinic) throw refusal('noClinic');
    stream.send(eventFrame(null, { type: 'settings', data: { settings: clinic.settings, version: clinic.version } }));
    stream.send(eventFrame(clinic.eventSeq, { type: 'presence', data: { presence: clinic.presence } }));
    return clinic.eventSeq;
  }

  const schema = {
    summary: 'The clinic’s changes as Server-Sent Events (text/event-stream): `settings`, `presence`, `availability`',
    description: 'Each event’s `data` is the JSON of the matching REST answer. `: heartbeat` comments every 15 s; the stream ends when its token is replaced.',
    params: clinicParams,
    headers: z.object({ [headers.lastEventId]: lastEventIdSchema }),
    response: { 200: clinicEventSchema },
  };
  app.get(clinicRoute(apiPaths.events), { config: { access: 'staff' }, schema }, async (request, reply) => {
    const clinicId = request.params.id;
    reply.hijack();
    // The staff check let the token through; a replaced token ends the stream at its next heartbeat.
    const stream = streams.open(reply.raw, { clinicId, token: bearerToken(request)! });
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
      const subscription = await hub.subscribe(clinicId, { onFrame: (frame) => (live ? send(frame) : early.push(frame)), onBroken: () => stream.close() });
      if (!subscription) return stream.close();
      stream.onClose(() => subscription.unsubscribe());
      sentUpTo = await catchUp(stream, clinicId, request.headers[headers.lastEventId], subscription.fromSeq);
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
