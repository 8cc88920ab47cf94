import { createApiToken, listTokens } from '@/lib/admin/users';
import { jsonBody, route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';

export const GET = route('/api/v1/tokens', async () => ({ tokens: await listTokens() }));

/** `{name, userId?, expiresInDays?}` → `{id, token}`; the token is shown only in this answer. */
export const POST = route('/api/v1/tokens', async (request) => {
  // Before reading the body: a caller without the role learns nothing about the route's input.
  await requireActor('responder');
  const { id, secret } = await createApiToken(await jsonBody(request));
  return Response.json({ id, token: secret }, { status: 201 });
});
