import { type Endpoint, type EndpointKey, endpoints } from '@barometer/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

type Spec<K extends EndpointKey> = (typeof endpoints)[K];
type Part<S, P extends string> = S extends { [key in P]: infer T extends z.ZodType }
  ? z.output<T>
  : unknown;

/** A request as one route sees it: params, query and body already validated by its schemas. */
export type RouteRequest<K extends EndpointKey> = FastifyRequest<{
  Params: Part<Spec<K>, 'params'>;
  Querystring: Part<Spec<K>, 'query'>;
  Body: Part<Spec<K>, 'body'>;
}>;

type Reply<K extends EndpointKey> =
  Spec<K> extends { response: { body: infer B extends z.ZodType } }
    ? z.input<B> | FastifyReply
    : unknown;

export type RouteHandler<K extends EndpointKey> = (
  req: RouteRequest<K>,
  reply: FastifyReply,
) => Promise<Reply<K>>;

function schemaFor(spec: Endpoint) {
  return {
    summary: spec.summary,
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.query ? { querystring: spec.query } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    ...(spec.response && spec.response.status !== 204
      ? { response: { [spec.response.status]: spec.response.body } }
      : {}),
  };
}

/**
 * Registers one route of core's endpoint table: its method and path, its schemas (validated on
 * the way in, serialised on the way out, described at /api/docs) and who may call it.
 */
export function route<K extends EndpointKey>(
  app: FastifyInstance,
  key: K,
  handler: RouteHandler<K>,
  options: { config?: Record<string, unknown> } = {},
): void {
  const spec: Endpoint = endpoints[key];
  const [method, url] = key.split(' ') as [string, string];
  app.route({
    method: method as 'GET',
    url,
    schema: schemaFor(spec),
    config: { ...options.config, access: spec.access },
    handler: handler as never,
  });
}

export function websocketRoute(
  app: FastifyInstance,
  key: 'GET /api/live',
  handler: (socket: import('ws').WebSocket, req: FastifyRequest) => void,
): void {
  const spec: Endpoint = endpoints[key];
  app.route({
    method: 'GET',
    url: '/api/live',
    schema: { summary: spec.summary, hide: true } as never,
    config: { access: spec.access },
    handler: async (_req, reply) =>
      reply
        .status(426)
        .send({ error: { code: 'upgrade_required', message: 'connect with a websocket' } }),
    wsHandler: handler as never,
  });
}

/** Every key of the table, for the route walk test and the docs. */
export const ENDPOINT_KEYS = Object.keys(endpoints) as EndpointKey[];
