import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI description of every route, from the same zod schemas that validate them. */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Barometer API',
        description:
          'Social listening for the trust. Sign in with POST /api/session (cookie session); every other route needs that cookie. Errors are {"error":{"code","message"}}.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
}
