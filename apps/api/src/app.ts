import { existsSync } from 'node:fs';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ApiDeps } from './deps.ts';
import { registerAuth, requireViewer } from './plugins/auth.ts';
import { registerDocs } from './plugins/docs.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerInputHygiene } from './plugins/input-hygiene.ts';
import { registerSecurity } from './plugins/security.ts';
import { route, websocketRoute } from './route-table.ts';
import * as ackLink from './routes/ack-link.ts';
import * as alertSettings from './routes/alert-settings.ts';
import * as alerts from './routes/alerts.ts';
import * as audit from './routes/audit.ts';
import * as erasures from './routes/erasures.ts';
import * as health from './routes/health.ts';
import * as issues from './routes/issues.ts';
import * as mentions from './routes/mentions.ts';
import * as oidc from './routes/oidc.ts';
import * as reports from './routes/reports.ts';
import * as scorer from './routes/scorer.ts';
import * as session from './routes/session.ts';
import * as sourceCredentials from './routes/source-credentials.ts';
import * as sources from './routes/sources.ts';
import * as threads from './routes/threads.ts';
import * as users from './routes/users.ts';

/** Sign-in attempts per address per minute, across every account (the per-account hold is separate). */
const SIGN_IN_PER_ADDRESS = { max: 20, timeWindow: 60_000 };

/** Builds the app without listening, so tests drive it with `app.inject` or a real socket. */
export async function buildApp(
  deps: ApiDeps,
  logger?: FastifyBaseLogger,
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit: 256 * 1024,
    trustProxy: config.TRUST_PROXY,
    // A close must not wait on idle keep-alive connections (or refused upgrades) to drain.
    forceCloseConnections: true,
    // A client that sends half a request, or opens a connection and says nothing, is dropped
    // instead of holding a socket and a parser forever. Node checks its deadlines on an interval,
    // so the interval is kept well under the deadline.
    requestTimeout: config.API_REQUEST_TIMEOUT_MS,
    connectionTimeout: config.API_CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: Math.min(5000, config.API_CONNECTION_TIMEOUT_MS),
    http: {
      headersTimeout: Math.min(config.API_REQUEST_TIMEOUT_MS, 20_000),
      connectionsCheckingInterval: Math.max(50, Math.min(2000, config.API_REQUEST_TIMEOUT_MS / 4)),
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await registerDocs(app);
  await registerSecurity(app, config);
  await registerAuth(app, deps);
  await app.register(fastifyRateLimit, {
    global: false,
    redis: deps.redis,
    nameSpace: `${config.REDIS_PREFIX}:ratelimit:`,
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: {
        code: 'too_many_requests',
        message: `Too many attempts from this address. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      },
    }),
  });
  registerInputHygiene(app);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  // Every route of the API, in the order of core's endpoint table.
  route(app, 'GET /api/health', health.liveness());
  route(app, 'GET /api/ready', health.readiness(deps));
  route(app, 'GET /api/auth/providers', session.providers(deps));
  route(app, 'POST /api/session', session.signIn(deps), {
    config: { rateLimit: SIGN_IN_PER_ADDRESS },
  });
  route(app, 'GET /api/session', session.current(deps));
  route(app, 'DELETE /api/session', session.signOut(deps, 'this'));
  route(app, 'DELETE /api/sessions', session.signOut(deps, 'all'));
  route(app, 'GET /api/auth/oidc/start', oidc.start(deps), {
    config: { rateLimit: SIGN_IN_PER_ADDRESS },
  });
  route(app, 'GET /api/auth/oidc/callback', oidc.callback(deps));
  route(app, 'GET /api/invitations/:token', session.invitationInfo(deps));
  route(app, 'POST /api/invitations/:token', session.acceptInvitation(deps), {
    config: { rateLimit: SIGN_IN_PER_ADDRESS },
  });
  route(app, 'GET /api/issues', issues.list(deps));
  route(app, 'POST /api/issues/:id/triage', issues.triage(deps));
  route(app, 'GET /api/mentions', mentions.list(deps));
  route(app, 'GET /api/mentions/:id', mentions.show(deps));
  route(app, 'GET /api/mentions/:id/thread', threads.show(deps));
  route(app, 'GET /api/sources', sources.list(deps));
  route(app, 'POST /api/sources', sources.create(deps));
  route(app, 'POST /api/sources/preview', sources.preview(deps));
  route(app, 'GET /api/sources/presets', sources.presets(deps));
  route(app, 'POST /api/sources/discover', sources.discover(deps));
  route(app, 'GET /api/sources/:id', sources.show(deps));
  route(app, 'PATCH /api/sources/:id', sources.update(deps));
  route(app, 'GET /api/sources/:id/deletion', sources.deletion(deps));
  route(app, 'DELETE /api/sources/:id', sources.remove(deps));
  route(app, 'PUT /api/sources/:id/credential', sourceCredentials.put(deps));
  route(app, 'DELETE /api/sources/:id/credential', sourceCredentials.remove(deps));
  route(app, 'POST /api/sources/:id/poll', sources.pollNow(deps));
  route(app, 'GET /api/scorer/status', scorer.status(deps));
  route(app, 'GET /api/users', users.list(deps));
  route(app, 'POST /api/users', users.invite(deps));
  route(app, 'PATCH /api/users/:id', users.update(deps));
  route(app, 'POST /api/users/:id/invitation', users.reinvite(deps));
  route(app, 'GET /api/audit', audit.list(deps));
  route(app, 'GET /api/audit/export', audit.exportCsv(deps));
  route(app, 'GET /api/reports/weeks', reports.weeks(deps));
  route(app, 'GET /api/reports/weeks/:week', reports.week(deps));
  route(app, 'GET /api/reports/weeks/:week/figures.csv', reports.figuresCsv(deps));
  route(app, 'GET /api/reports/weeks/:week/mentions.csv', reports.mentionsExport(deps));
  route(app, 'GET /api/reports/weeks/:week/report.pdf', reports.pdf(deps));
  route(app, 'POST /api/reports/weeks/:week/rebuild', reports.rebuild(deps));
  route(app, 'POST /api/erasures', erasures.erase(deps));
  route(app, 'GET /api/alerts', alerts.list(deps));
  route(app, 'GET /api/alerts/rules', alertSettings.rules(deps));
  route(app, 'PUT /api/alerts/rules', alertSettings.replaceRules(deps));
  route(app, 'GET /api/alerts/:id', alerts.show(deps));
  route(app, 'POST /api/alerts/:id/acknowledge', alerts.acknowledge(deps));
  route(app, 'POST /api/alerts/:id/resolve', alerts.resolve(deps));
  route(app, 'GET /api/oncall', alertSettings.oncall(deps));
  route(app, 'PUT /api/oncall/rota', alertSettings.replaceOnCallRota(deps));
  route(app, 'PUT /api/oncall/policy', alertSettings.replacePolicy(deps));
  route(app, 'GET /api/ack/:token', ackLink.acknowledgeWithLink(deps));
  route(app, 'GET /api/docs', async () => app.swagger());
  websocketRoute(app, 'GET /api/live', (socket, req) => {
    const viewer = requireViewer(req);
    deps.live.attach(
      socket,
      { userId: viewer.userId, roles: viewer.roles, sessionId: viewer.sessionId },
      req.log.child({ userId: viewer.userId }),
    );
  });

  if (existsSync(config.WEB_DIST)) {
    await app.register(fastifyStatic, { root: config.WEB_DIST, wildcard: false });
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
