import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiConfig } from '../config.ts';
import { HttpError } from '../http-error.ts';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostnameOf(hostHeader: string): string {
  // "[::1]:3000" -> "[::1]", "example.org:443" -> "example.org"
  const bracket = hostHeader.match(/^\[[^\]]+\]/);
  return (bracket ? bracket[0] : (hostHeader.split(':')[0] ?? '')).toLowerCase();
}

/** The host names this deployment answers to: PUBLIC_URL's, the configured list, else this machine. */
export function allowedHosts(config: ApiConfig): Set<string> {
  const hosts = new Set(config.ALLOWED_HOSTS);
  if (config.PUBLIC_URL) hosts.add(new URL(config.PUBLIC_URL).hostname.toLowerCase());
  if (!config.PUBLIC_URL && config.ALLOWED_HOSTS.length === 0) {
    for (const h of [...LOCAL_HOSTS, config.HOST.toLowerCase()]) hosts.add(h);
  }
  return hosts;
}

/** The origin pages of this deployment have: PUBLIC_URL's, or the request's own when unset. */
export function expectedOrigin(config: ApiConfig, req: FastifyRequest): string {
  if (config.PUBLIC_URL) return new URL(config.PUBLIC_URL).origin;
  return `${req.protocol}://${req.host}`;
}

/** True when the request comes from one of our own pages, or from no browser at all. */
export function isSameOriginOrNonBrowser(config: ApiConfig, req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === expectedOrigin(config, req);
  // No Origin: a browser still says where a request came from in Sec-Fetch-Site.
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/**
 * Browser hardening for every response: a strict CSP (our own scripts and styles only, no
 * framing), nosniff, no referrer beyond the origin; requests for another host refused (DNS
 * rebinding); state-changing requests from another site refused whatever their content type
 * (CSRF); no source maps served.
 */
export async function registerSecurity(app: FastifyInstance, config: ApiConfig): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.PUBLIC_URL?.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: config.PUBLIC_URL?.startsWith('https:') ? { maxAge: 31_536_000 } : false,
  });
  // A refused websocket upgrade answers with plain HTTP; the socket is then ours to end, or it
  // would linger and hold the server's close.
  app.addHook('onResponse', async (req, reply) => {
    if (req.headers.upgrade && reply.statusCode >= 400) req.raw.socket.destroy();
  });
  const hosts = allowedHosts(config);
  app.addHook('onRequest', async (req) => {
    // Health probes come from load balancers and container runtimes by internal address; they
    // reveal nothing, so they answer whatever the Host.
    const probe = req.url === '/api/health' || req.url === '/api/ready';
    if (!probe && !hosts.has(hostnameOf(req.headers.host ?? ''))) {
      throw new HttpError(421, 'wrong_host', 'this server does not answer for that host name');
    }
    if (req.url.split('?')[0]?.endsWith('.map')) {
      throw new HttpError(404, 'not_found', `no route for ${req.method} ${req.url}`);
    }
    // A page on another site must not open the live stream with an officer's cookies.
    const upgrade = req.headers.upgrade?.toLowerCase() === 'websocket';
    if (upgrade && req.headers.origin !== expectedOrigin(config, req)) {
      throw new HttpError(403, 'cross_site', 'connections from other sites are refused');
    }
    if (!SAFE_METHODS.has(req.method) && !isSameOriginOrNonBrowser(config, req)) {
      throw new HttpError(403, 'cross_site', 'requests from other sites are refused');
    }
  });
}
