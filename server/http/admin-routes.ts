// Health for load balancers, and the admin API that creates clinics (only with an admin token set).
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../core/http-paths.ts';
import { createClinicRequestSchema } from '../../core/schemas/http-api.ts';
import type { CreateClinicResponse } from '../../core/schemas/http-api.ts';
import { checkAdmin } from './auth.ts';
import type { RouteContext } from './context.ts';
import { HttpError, parseOrRefuse } from './errors.ts';

export function registerAdminRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get(apiPaths.health, { config: { quietLog: true } }, async (request, reply) => {
    try {
      await context.store.ping();
    } catch (error) {
      request.log.warn({ err: error }, 'health check: the database does not answer');
      throw new HttpError(503, 'unavailable', 'The database does not answer');
    }
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });

  app.post(apiPaths.adminClinics, async (request, reply): Promise<CreateClinicResponse> => {
    checkAdmin(request, context.adminToken);
    const clinic = parseOrRefuse(createClinicRequestSchema, request.body, 'The clinic is not valid');
    const created = await context.store.createClinic(clinic, context.now());
    request.log.info({ clinicId: created.clinicId }, 'clinic created');
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });
}
