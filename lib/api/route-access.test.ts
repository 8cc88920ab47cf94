import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { operations } from './openapi';

// As in openapi.test.ts: lib/admin/users.ts imports the Auth.js session code, which does not load
// outside Next; the registry only needs its schemas.
vi.mock('@/lib/auth', () => ({}));

/**
 * A static check of every route handler that takes a body: it authenticates the caller before it reads
 * the body. Otherwise anyone, signed in or not, makes the server read and parse up to the body limit
 * (and, before lib/api/route.ts had one, any amount) before being told 401, and learns from a 422
 * what the route expects. Who may call is checked end to end by e2e/security.spec.ts; this test only
 * catches the order, at unit-test speed, for handlers added later too.
 */

const APP = path.resolve(import.meta.dirname, '../../app');

/** `/api/v1/incidents/{id}/notes` → app/api/v1/incidents/[id]/notes/route.ts */
const routeFile = (apiPath: string) =>
  path.join(APP, ...apiPath.split('/').map((s) => s.replace(/^\{(.+)\}$/, '[$1]')), 'route.ts');

/** The source of one exported handler: from `export const POST` (or function) to the next export. */
function handlerSource(source: string, method: string): string {
  const start = source.search(new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${method}\\b`));
  if (start < 0) return '';
  const next = source.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

const withBody = operations.filter((op) => op.body !== undefined && op.role !== 'public');

describe('route handlers that take a body', () => {
  it('are all found', () => {
    expect(withBody.length).toBeGreaterThan(10);
    for (const op of withBody) expect(existsSync(routeFile(op.path)), routeFile(op.path)).toBe(true);
  });

  it.each(withBody.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    '%s authenticates before it reads the body',
    (_, op) => {
      const handler = handlerSource(readFileSync(routeFile(op.path), 'utf8'), op.method.toUpperCase());
      expect(handler, 'handler not found').not.toBe('');
      const auth = op.role === 'webhook' ? /bearerTokenMatches\(/ : /requireActor\(/;
      const body =
        /\b(?:jsonBody|optionalJsonBody|readBody|readBodyUpTo)\(|request\.(?:json|text|formData|arrayBuffer)\(/;
      const authAt = handler.search(auth);
      const bodyAt = handler.search(body);
      expect(bodyAt, 'the handler reads no body').toBeGreaterThanOrEqual(0);
      expect(authAt, `${auth} is not called in the handler`).toBeGreaterThanOrEqual(0);
      expect(authAt, 'the body is read before the caller is authenticated').toBeLessThan(bodyAt);
    },
  );
});
