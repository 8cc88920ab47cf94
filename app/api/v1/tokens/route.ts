import { createApiToken, listTokens } from '@/lib/admin/users';
import { jsonBody, route } from '@/lib/api/route';

export const GET = route('/api/v1/tokens', async () => ({ tokens: await listTokens() }));

/** `{name, userId?, expiresInDays?}` → `{id, token}`; the token is shown only in this answer. */
export const POST = route('/api/v1/tokens', async (request) => {
  const { id, secret } = await createApiToken(await jsonBody(request));
  return Response.json({ id, token: secret }, { status: 201 });
});
