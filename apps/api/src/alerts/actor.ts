import type { AlertActor } from '@barometer/db';
import type { FastifyRequest } from 'fastify';

/**
 * The person acting on an alert. Until sign-in lands this is the one anonymous dashboard user;
 * with sessions it becomes the signed-in user.
 */
export function alertActor(_req: FastifyRequest): AlertActor {
  return { userId: null, name: 'a dashboard user' };
}
