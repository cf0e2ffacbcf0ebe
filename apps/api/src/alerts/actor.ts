import type { AlertActor } from '@barometer/db';
import type { FastifyRequest } from 'fastify';
import { requireViewer } from '../plugins/auth.ts';

/** The signed-in person acting on an alert, as its timeline names them. */
export function alertActor(req: FastifyRequest): AlertActor {
  const viewer = requireViewer(req);
  return { userId: viewer.userId, name: viewer.displayName };
}
