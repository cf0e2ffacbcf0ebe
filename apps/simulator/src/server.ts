import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { sendError } from './http/respond.ts';
import { HttpError, type RequestContext, type Route } from './http/route.ts';

/**
 * One plain node:http server; each world (feeds now, mastodon/bluesky/reddit later) hands in
 * its routes, and this table is the whole URL space.
 */
export function createHttpServer(routes: readonly Route[], logger: Logger): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    const context: RequestContext = { req, res, url, params: [] };
    const respond = async () => {
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const matching = routes.filter((route) => route.path.test(url.pathname));
      if (matching.length === 0) {
        throw new HttpError(404, 'not_found', `nothing at ${url.pathname}`);
      }
      const route = matching.find((candidate) => candidate.method === method);
      if (!route) {
        res.setHeader('Allow', [...new Set(matching.map((m) => m.method))].join(', '));
        throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here`);
      }
      await route.handle({ ...context, params: route.path.exec(url.pathname)!.slice(1) });
    };
    respond()
      .catch((error: unknown) => {
        if (res.headersSent) {
          logger.error({ err: error, url: req.url }, 'request failed after the headers were sent');
          res.destroy();
          return;
        }
        if (error instanceof HttpError) return sendError(context, error);
        logger.error({ err: error, url: req.url }, 'unable to answer request');
        sendError(context, new HttpError(500, 'internal', 'the simulator failed on this request'));
      })
      .finally(() => {
        logger.debug({ method: req.method, url: req.url, status: res.statusCode }, 'request');
      });
  });
}
