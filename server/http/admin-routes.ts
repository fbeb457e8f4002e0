// Health for load balancers, and the admin API that creates clinics (only with an admin token set).
import { apiPaths } from '../../core/http-paths.ts';
import { createClinicRequestSchema, createClinicResponseSchema, errorBodySchema, healthSchema } from '../../core/schemas/http-api.ts';
import type { HttpApp, RouteContext } from './context.ts';
import { HttpError } from './errors.ts';

export function registerAdminRoutes(app: HttpApp, { store, now }: RouteContext): void {
  const health = { summary: 'Whether the server and its database answer', response: { 200: healthSchema, 503: errorBodySchema.describe('`unavailable`: the database does not answer') } };
  app.get(apiPaths.health, { config: { access: 'anyone', quietLog: true }, schema: health }, async (request, reply) => {
    try {
      await store.ping();
    } catch (error) {
      request.log.warn({ err: error }, 'health check: the database does not answer');
      throw new HttpError(503, 'unavailable', 'The database does not answer');
    }
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });

  const create = { summary: 'Creates a clinic: default hours, online, and one staff token', body: createClinicRequestSchema, response: { 201: createClinicResponseSchema } };
  app.post(apiPaths.adminClinics, { config: { access: 'admin', invalidBody: { message: 'The clinic is not valid' } }, schema: create }, async (request, reply) => {
    const [created] = await store.createClinics([request.body], now());
    request.log.info({ clinicId: created!.clinicId }, 'clinic created');
    return reply.code(201).send(created!);
  });
}
