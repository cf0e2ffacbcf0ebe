import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ApiDeps } from './deps.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import * as health from './routes/health.ts';
import * as mentions from './routes/mentions.ts';
import * as scorer from './routes/scorer.ts';
import * as sources from './routes/sources.ts';

/** Builds the app without listening, so tests drive it with `app.inject` or a real socket. */
export async function buildApp(
  deps: ApiDeps,
  logger?: FastifyBaseLogger,
): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit: 256 * 1024,
  });
  registerErrorHandling(app);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  // Every route of the API, in one table.
  app.get('/api/health', health.liveness());
  app.get('/api/ready', health.readiness(deps));
  app.get('/api/mentions', mentions.list(deps));
  app.get('/api/mentions/:id', mentions.show(deps));
  app.get('/api/sources', sources.list(deps));
  app.post('/api/sources', sources.create(deps));
  app.get('/api/sources/presets', sources.presets(deps));
  app.post('/api/sources/discover', sources.discover(deps));
  app.get('/api/sources/:id', sources.show(deps));
  app.patch('/api/sources/:id', sources.update(deps));
  app.post('/api/sources/:id/poll', sources.pollNow(deps));
  app.get('/api/scorer/status', scorer.status(deps));
  app.get('/api/live', { websocket: true }, (socket, req) =>
    deps.live.attach(socket, { userId: 0, roles: ['admin'], sessionId: 'anonymous' }, req.log),
  );

  if (existsSync(deps.config.WEB_DIST)) {
    await app.register(fastifyStatic, { root: deps.config.WEB_DIST, wildcard: false });
    // Client-side routes (/sources, ...) get the app shell; unknown /api paths stay JSON 404s.
    app.get('/*', (req, reply) => {
      if (req.url === '/api' || req.url.startsWith('/api/') || req.url.startsWith('/api?')) {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: `no route for GET ${req.url}` } });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
