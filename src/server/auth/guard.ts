import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors';
import type { AppContext } from '../context';
import { authenticateAccessToken, type AuthUser } from './sessions';
import { readBearerToken } from './tokens';

/** The caller behind the request's bearer token, or undefined when there is none or it is not valid. */
export async function findCaller(ctx: AppContext, request: FastifyRequest): Promise<AuthUser | undefined> {
  const token = readBearerToken(request.headers.authorization);
  if (!token) return undefined;
  return authenticateAccessToken(ctx.db, token, ctx.now());
}

/** The caller, or a 401 that tells the device to refresh or log in again (its outbox waits). */
export async function requireCaller(ctx: AppContext, request: FastifyRequest): Promise<AuthUser> {
  const caller = await findCaller(ctx, request);
  if (!caller) throw new HttpError(401, 'unauthorized');
  return caller;
}
