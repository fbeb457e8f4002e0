// GET /v1/clinics/:id/history: the clinic's change history for its staff, newest first, a page at a
// time (`before` = the previous page's nextBefore). Entries are recorded by ClinicStore with each change.
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../core/http-paths.ts';
import { historyQuerySchema } from '../../core/schemas/history.ts';
import type { HistoryResponse } from '../../core/schemas/history.ts';
import { authorizeStaff } from './auth.ts';
import type { ClinicParams, RouteContext } from './context.ts';
import { clinicRoute } from './context.ts';
import { parseOrRefuse } from './errors.ts';

export function registerHistoryRoutes(app: FastifyInstance, context: RouteContext): void {
  app.get<ClinicParams>(clinicRoute(apiPaths.history), async (request, reply): Promise<HistoryResponse> => {
    const { clinicId } = await authorizeStaff(request, reply, context);
    const query = parseOrRefuse(historyQuerySchema, request.query, 'The history query is not valid');
    return context.history.page(clinicId, query.before ?? null, query.limit);
  });
}
