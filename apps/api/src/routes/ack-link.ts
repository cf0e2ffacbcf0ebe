import { publishLive } from '@barometer/bus';
import { alertLiveMessage, hmacSigner } from '@barometer/notify';
import { acknowledgeByLink, ackPage } from '../alerts/ack-link.ts';
import type { ApiDeps } from '../deps.ts';
import type { RouteHandler } from '../route-table.ts';

/**
 * GET /api/ack/:token — the one route that needs no sign-in: the link in a page. A browser gets
 * a small page; a client asking for JSON gets the outcome as JSON.
 */
export function acknowledgeWithLink(
  deps: Pick<ApiDeps, 'database' | 'config' | 'redis'>,
): RouteHandler<'GET /api/ack/:token'> {
  const sign = hmacSigner(deps.config.ALERT_SIGNING_SECRET);
  return async (req, reply) => {
    const result = await acknowledgeByLink(deps.database.pool, req.params.token, sign, new Date(), {
      requestId: req.id,
      address: req.ip,
    });
    if (result.changed) {
      req.log.info({ alertId: result.changed.id }, 'alert acknowledged with a link');
      await publishLive(
        deps.redis,
        deps.config.REDIS_PREFIX,
        alertLiveMessage('alert.updated', result.changed),
      ).catch((err: unknown) => req.log.warn({ err }, 'unable to publish the acknowledgement'));
    }
    // The token is in the URL: keep it out of caches and of the next site's Referer.
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    reply.status(result.status);
    if ((req.headers.accept ?? '').includes('application/json')) return result.outcome;
    return reply
      .type('text/html; charset=utf-8')
      .send(ackPage(result.outcome, deps.config.PUBLIC_URL));
  };
}
