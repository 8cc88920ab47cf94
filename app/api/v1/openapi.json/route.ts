import { openApiDocument } from '@/lib/api/openapi';
import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';

/** The OpenAPI 3.1 description of the whole API, generated from the routes' zod schemas. */
export const GET = route('/api/v1/openapi.json', async () => {
  await requireActor();
  return openApiDocument();
});
