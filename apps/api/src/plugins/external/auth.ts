import fp from 'fastify-plugin';
import jwt, { type TokenOrHeader } from '@fastify/jwt';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { signingKeys, type Config } from '../../config.js';
import { employees, revokedSessions, roleGrants, users } from '../../db/schema/index.js';
import { Problem, problems } from '../../lib/problem.js';
import { accessOf, unionOf, withAccess, type Access } from '../../lib/access.js';
import { isClientActive } from '../../services/accounts/system-clients.js';
import { isStaff } from '../../services/coordination/scope.js';

export const SESSION_COOKIE = 'hhs_session';

import type { Actor, SystemActor, UserActor } from '../../services/accounts/actors.js';

export type { Actor, SystemActor, UserActor };
type TokenPayload =
  | { sub: string; typ: 'user'; sv?: number; sid: string; exp?: number }
  | { sub: string; typ: 'system'; scope: string; name: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Guard = (request: FastifyRequest) => Promise<void>;

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenPayload;
    user: TokenPayload;
  }
}
declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
  interface FastifyInstance {
    guards: {
      user: Guard;
      staff: Guard;
      programManager: Guard;
      scope: (scope: string) => Guard;
      /** A system client with the scope; people are refused (the resource belongs to the client). */
      systemScope: (scope: string) => Guard;
      /** Passes when any of the guards passes (e.g. staff by session, or a system client with a scope). */
      anyOf: (...guards: Guard[]) => Guard;
      /** A system client with the scope the path parameter's value needs (or the program manager). */
      scopeByParameter: (name: string, scopes: Record<string, string>) => Guard;
    };
    issueSession(reply: FastifyReply, userId: string): Promise<string>;
    /** A user token with a new session id (sign-in, tests). */
    signUserToken(userId: string, sessionVersion?: number): string;
    /** R-SEC-6: ends the session of this request's token (sign-out); other sessions of the person go on. */
    revokeSession(request: FastifyRequest): Promise<void>;
    signSystemToken(clientId: string, name: string, scopes: string[], ttlSeconds: number): string;
  }
}

export function userActor(request: FastifyRequest): UserActor {
  const actor = request.actor;
  if (actor?.kind !== 'user') throw problems.unauthorized();
  return actor;
}

/**
 * Sign-in state: a JWT in an httpOnly SameSite cookie (the SPA) or a bearer token (API callers, system clients).
 * Whatever signs a person in (password today, OIDC later) ends in issueSession; routes only see request.actor.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(cookie);
    // R-SEC-6: tokens carry the key id that signed them, so a new JWT_SECRET can take over while the previous
    // keys (JWT_PREVIOUS_KEYS) still verify the tokens they signed; exp and iat are required, HS256 only.
    const keys = signingKeys(config);
    await app.register(jwt, {
      secret: {
        private: config.JWT_SECRET,
        public: (_request: FastifyRequest, token: TokenOrHeader) => {
          const kid: unknown = 'header' in token ? token.header.kid : token.kid;
          const key = typeof kid === 'string' ? keys.get(kid) : undefined;
          return key === undefined ? Promise.reject(new Error('unknown key id')) : Promise.resolve(key);
        },
      },
      cookie: { cookieName: SESSION_COOKIE, signed: false },
      sign: { expiresIn: `${config.SESSION_TTL_MINUTES}m`, kid: config.JWT_KEY_ID, algorithm: 'HS256' },
      decode: { complete: true }, // the key callback needs the header's kid
      verify: { requiredClaims: ['exp', 'iat'], algorithms: ['HS256'] },
    });

    /**
     * The signed-in person, their employee row and their role grants: one prepared statement on every request
     * (parsed and planned once per connection on PostgreSQL, built once by drizzle).
     */
    const userById = app.db
      .select({
        user: users,
        employee: employees,
        grants: sql<
          { role: string; opdiv: string | null }[]
        >`coalesce((select json_agg(json_build_object('role', g.role, 'opdiv', g.opdiv))
          from ${roleGrants} g where g.user_id = ${users.id}), '[]'::json)`,
        revoked: sql<boolean>`exists (select 1 from ${revokedSessions} r where r.session_id = ${sql.placeholder('sid')}::uuid)`,
      })
      .from(users)
      .innerJoin(employees, eq(employees.id, users.employeeId))
      .where(eq(users.id, sql.placeholder('userId')))
      .prepare('auth_user_by_id');

    /**
     * The session's person, unless their employee record is inactive or the session was ended: signed out
     * (its id revoked, R-SEC-6) or everywhere (session version).
     */
    async function loadUser(
      userId: string,
      sessionId: string,
      sessionVersion: number,
    ): Promise<UserActor | undefined> {
      const [row] = await userById.execute({ userId, sid: sessionId });
      if (!row || row.revoked || !row.employee.active || row.user.sessionVersion !== sessionVersion)
        return undefined;
      const { grants } = row;
      return {
        kind: 'user',
        userId,
        employeeId: row.employee.id,
        email: row.user.email,
        name: `${row.employee.firstName} ${row.employee.lastName}`,
        opdiv: row.employee.opdiv,
        isProgramManager: grants.some((g) => g.role === 'program_manager'),
        coordinatorOpdivs: grants
          .filter((g) => g.role === 'coordinator' && g.opdiv)
          .map((g) => g.opdiv as string),
      };
    }

    async function resolveActor(request: FastifyRequest): Promise<Actor | undefined> {
      if (request.actor) return request.actor;
      let payload: TokenPayload;
      try {
        payload = await request.jwtVerify<TokenPayload>();
      } catch {
        return undefined;
      }
      if (payload.typ === 'system' && !(await isClientActive(app.db, payload.sub))) return undefined;
      // A user token without a session id could not be ended by signing out (R-SEC-6).
      if (payload.typ === 'user' && !(UUID.test(String(payload.sid)) && UUID.test(String(payload.sub))))
        return undefined;
      request.actor =
        payload.typ === 'system'
          ? { kind: 'system', clientId: payload.sub, name: payload.name, scopes: payload.scope.split(' ') }
          : await loadUser(payload.sub, payload.sid, payload.sv ?? 0);
      return request.actor;
    }

    // Each guard carries what it admits (lib/access.ts): the OpenAPI document's security is read from it (R-API-6).
    const user: Guard = withAccess(
      async (request: FastifyRequest) => {
        const actor = await resolveActor(request);
        if (actor?.kind !== 'user') throw problems.unauthorized();
      },
      { people: 'user', scopes: [] },
    );
    // System routes: a system client with the scope, or (for people) the program manager.
    const scope = (name: string): Guard =>
      withAccess(
        async (request: FastifyRequest) => {
          const actor = await resolveActor(request);
          if (!actor) throw problems.unauthorized();
          if (actor.kind === 'system' ? !actor.scopes.includes(name) : !actor.isProgramManager)
            throw problems.forbidden(`This needs the scope ${name} (R-API-2).`);
        },
        { people: 'pm', scopes: [name] },
      );
    app.decorate('guards', {
      user,
      staff: withAccess(
        async (request: FastifyRequest) => {
          await user(request);
          if (!isStaff(request.actor as UserActor))
            throw problems.forbidden('Only coordinators and the program manager may do this.', 'R-ROLE-2');
        },
        { people: 'staff', scopes: [] },
      ),
      programManager: withAccess(
        async (request: FastifyRequest) => {
          await user(request);
          if (!(request.actor as UserActor).isProgramManager)
            throw problems.forbidden('Only the program manager may do this.');
        },
        { people: 'pm', scopes: [] },
      ),
      scope,
      systemScope: (name: string) =>
        withAccess(
          async (request: FastifyRequest) => {
            const actor = await resolveActor(request);
            if (!actor) throw problems.unauthorized();
            if (actor.kind !== 'system' || !actor.scopes.includes(name))
              throw problems.forbidden(`Only a system client with the scope ${name} may do this (R-API-2).`);
          },
          { people: null, scopes: [name] },
        ),
      anyOf: (...guards: Guard[]) =>
        withAccess(
          async (request: FastifyRequest) => {
            const refusals: Problem[] = [];
            for (const guard of guards) {
              try {
                return await guard(request);
              } catch (error) {
                if (!(error instanceof Problem)) throw error;
                refusals.push(error);
              }
            }
            // Signed in but not allowed (403) says more than "not signed in" (401).
            throw refusals.sort((a, b) => b.status - a.status)[0] ?? problems.unauthorized();
          },
          unionOf(guards.map((g) => accessOf(g)).filter((a): a is Access => a !== undefined)),
        ),
      scopeByParameter: (name: string, scopes: Record<string, string>) =>
        withAccess(
          async (request: FastifyRequest) => {
            const needed = scopes[(request.params as Record<string, string>)[name] ?? ''];
            if (!needed) throw problems.notFound('This page');
            await scope(needed)(request);
          },
          { people: 'pm', scopes: [...new Set(Object.values(scopes))], scopeByParameter: { name, scopes } },
        ),
    });

    app.decorate('issueSession', async (reply: FastifyReply, userId: string) => {
      const [account] = await app.db
        .select({ sv: users.sessionVersion })
        .from(users)
        .where(eq(users.id, userId));
      const token = app.signUserToken(userId, account?.sv ?? 0);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.NODE_ENV === 'production',
        path: '/',
        maxAge: config.SESSION_TTL_MINUTES * 60,
      });
      return token;
    });
    app.decorate('signUserToken', (userId: string, sessionVersion = 0) =>
      app.jwt.sign({ sub: userId, typ: 'user', sv: sessionVersion, sid: randomUUID() }),
    );
    app.decorate('revokeSession', async (request: FastifyRequest) => {
      let payload: TokenPayload;
      try {
        payload = await request.jwtVerify<TokenPayload>();
      } catch {
        return;
      }
      if (payload.typ !== 'user' || !UUID.test(String(payload.sid)) || !UUID.test(payload.sub)) return;
      await app.db
        .insert(revokedSessions)
        .values({
          sessionId: payload.sid,
          userId: payload.sub,
          expiresAt: new Date((payload.exp ?? 0) * 1000),
        })
        .onConflictDoNothing();
    });
    app.decorate('signSystemToken', (clientId: string, name: string, scopes: string[], ttlSeconds: number) =>
      app.jwt.sign(
        { sub: clientId, typ: 'system', scope: scopes.join(' '), name },
        { expiresIn: ttlSeconds },
      ),
    );
  },
  { name: 'auth', dependencies: ['db'] },
);
