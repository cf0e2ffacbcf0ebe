import { findControlCharacter } from '@barometer/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.ts';

const PARTS = [
  ['query', 'the address'],
  ['params', 'the address'],
  ['body', 'the request'],
] as const;

/**
 * Every string a client sends (body, query, path) is refused with a 400 if it holds NUL or
 * another control character: Postgres cannot store NUL, and the rest are invisible in the
 * dashboard, logs and exports. Runs before any route's own validation.
 */
export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [part, where] of PARTS) {
      const found = findControlCharacter(req[part]);
      if (!found) continue;
      const field = found.path ? ` in ${found.path}` : '';
      throw new HttpError(
        400,
        'control_character',
        `${where} contains ${found.what}${field}; remove it and try again`,
      );
    }
  });
}
