import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { GitHubAnswers } from '@/lib/auth/sso-policy';

/**
 * A fake identity provider for tests, on a local port: an OpenID Connect provider (discovery document,
 * JWKS, an authorization endpoint that signs the user in at once, a token endpoint issuing RS256-signed
 * id tokens) and GitHub's OAuth and REST endpoints in GitHub Enterprise's layout (`/github/login/oauth/…`,
 * `/github/api/v3/…`). The test sets who signs in next (`nextOidcUser`, `nextGitHubUser`); everything
 * else follows the protocols closely enough for Auth.js to run its real flow against it.
 */
export type FakeIdentityProvider = {
  /** The OIDC issuer (it has a path, as real ones such as Keycloak's realms do). */
  issuer: string;
  /** The "GitHub Enterprise" base URL for next-auth's GitHub provider. */
  githubUrl: string;
  githubApiUrl: string;
  clientId: string;
  clientSecret: string;
  /** The id-token claims of the next OIDC sign-in (besides iss, aud, sub, iat, exp, nonce). */
  nextOidcUser(claims: Record<string, unknown>): void;
  /** What GitHub's API answers for the next GitHub sign-in; `failing` paths answer 403. */
  nextGitHubUser(answers: GitHubAnswers & { failing?: string[] }): void;
  /** The scope each GitHub authorization asked for, in order. */
  githubScopes: string[];
  stop(): Promise<void>;
};

type Grant = { claims: Record<string, unknown>; nonce?: string };

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
};

export async function startFakeIdentityProvider(): Promise<FakeIdentityProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fake-key-1', alg: 'RS256', use: 'sig' };
  const clientId = 'vigil-test-client';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, Grant>();
  const githubTokens = new Map<string, GitHubAnswers & { failing?: string[] }>();
  let oidcUser: Record<string, unknown> = {};
  let githubUser: (GitHubAnswers & { failing?: string[] }) | undefined;
  const githubScopes: string[] = [];
  let base = '';

  const clientAuthenticated = (req: IncomingMessage, body: URLSearchParams) => {
    const basic = req.headers.authorization?.replace(/^Basic /, '');
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
      : [body.get('client_id'), body.get('client_secret')];
    return id === clientId && secret === clientSecret;
  };

  /** Signs the user in at once and sends the browser back with a one-time code. */
  const authorize = (url: URL, res: ServerResponse, grant: Grant) => {
    const code = randomBytes(12).toString('hex');
    codes.set(code, grant);
    const back = new URL(url.searchParams.get('redirect_uri') ?? '');
    back.searchParams.set('code', code);
    const state = url.searchParams.get('state');
    if (state) back.searchParams.set('state', state);
    res.writeHead(302, { location: back.toString() });
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const issuer = `${base}/oidc`;
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /oidc/.well-known/openid-configuration':
        return json(res, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        });
      case 'GET /oidc/jwks':
        return json(res, 200, { keys: [jwk] });
      case 'GET /oidc/authorize':
        return authorize(url, res, { claims: oidcUser, nonce: url.searchParams.get('nonce') ?? undefined });
      case 'POST /oidc/token': {
        const body = await readBody(req);
        const grant = codes.get(body.get('code') ?? '');
        codes.delete(body.get('code') ?? '');
        if (!grant || !clientAuthenticated(req, body)) return json(res, 400, { error: 'invalid_grant' });
        const { sub = 'fake-subject', ...claims } = grant.claims;
        const idToken = await new SignJWT({ ...claims, ...(grant.nonce ? { nonce: grant.nonce } : {}) })
          .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
          .setIssuer(issuer)
          .setAudience(clientId)
          .setSubject(String(sub))
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
        return json(res, 200, {
          access_token: randomBytes(12).toString('hex'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
        });
      }
      case 'GET /github/login/oauth/authorize':
        githubScopes.push(url.searchParams.get('scope') ?? '');
        return authorize(url, res, { claims: {} });
      case 'POST /github/login/oauth/access_token': {
        const body = await readBody(req);
        const known = codes.delete(body.get('code') ?? '');
        if (!known || !githubUser || !clientAuthenticated(req, body))
          return json(res, 200, { error: 'bad_verification_code' });
        const token = `gho_${randomBytes(12).toString('hex')}`;
        githubTokens.set(token, githubUser);
        return json(res, 200, {
          access_token: token,
          token_type: 'bearer',
          scope: 'read:user,user:email,read:org',
        });
      }
    }
    if (req.method === 'GET' && url.pathname.startsWith('/github/api/v3/')) {
      const user = githubTokens.get(req.headers.authorization?.replace(/^Bearer /i, '') ?? '');
      if (!user) return json(res, 401, { message: 'Bad credentials' });
      const path = url.pathname.slice('/github/api/v3'.length);
      if (user.failing?.includes(path)) return json(res, 403, { message: 'Resource not accessible' });
      // One page is enough for a fake: the second asks get an empty list.
      const firstPage = (url.searchParams.get('page') ?? '1') === '1';
      const answers: Record<string, unknown> = {
        '/user': { id: 4242, login: user.profile.login, name: user.profile.name ?? null, email: null },
        '/user/emails': firstPage ? user.emails : [],
        '/user/orgs': firstPage ? user.orgs : [],
        '/user/teams': firstPage ? user.teams : [],
      };
      if (path in answers) return json(res, 200, answers[path]);
    }
    json(res, 404, { error: 'not_found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer: `${base}/oidc`,
    githubUrl: `${base}/github`,
    githubApiUrl: `${base}/github/api/v3`,
    clientId,
    clientSecret,
    nextOidcUser: (claims) => {
      oidcUser = claims;
    },
    nextGitHubUser: (answers) => {
      githubUser = answers;
    },
    githubScopes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
