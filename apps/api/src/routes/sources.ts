import { discoverFeeds } from '@barometer/connectors';
import {
  buildSourcePresets,
  DiscoverBody,
  feedHttpPolicy,
  IdParams,
  SourceCreateBody,
  SourceUpdateBody,
} from '@barometer/core';
import {
  createSource,
  getSourceDto,
  getTrustProfile,
  listSources,
  requestPollNow,
  updateSource,
} from '@barometer/db';
import { assertFetchable, isConnectorError } from '@barometer/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../deps.ts';
import { HttpError, notFound, validate } from '../http-error.ts';

export function list(deps: Pick<ApiDeps, 'database'>) {
  return async () => ({ items: await listSources(deps.database.pool) });
}

export function show(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const { id } = validate(IdParams, req.params, 'path');
    const source = await getSourceDto(deps.database.pool, id);
    if (!source) throw notFound(`source ${id}`);
    return source;
  };
}

/** A connector's refusal (private address, unreachable, not a feed) as a 4xx in plain words. */
function asClientError(error: unknown, what: string): never {
  if (isConnectorError(error)) {
    throw new HttpError(
      error.code === 'private-address' ? 400 : 422,
      error.code,
      `${what}: ${error.message}`,
    );
  }
  throw error;
}

/** Refusals that no retry will change; a host that does not resolve today may tomorrow. */
const UNUSABLE_URL_CODES = new Set(['private-address', 'bad-url']);

/** Refuses, before saving, a URL the worker would never be allowed to fetch (SSRF). */
async function checkFetchable(url: string, config: ApiDeps['config']): Promise<void> {
  await assertFetchable(url, feedHttpPolicy(config)).catch((error: unknown) => {
    if (isConnectorError(error) && !UNUSABLE_URL_CODES.has(error.code)) return;
    asClientError(error, 'this feed URL cannot be used');
  });
}

export function create(deps: Pick<ApiDeps, 'database' | 'config'>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const body = validate(SourceCreateBody, req.body, 'body');
    await checkFetchable(body.url, deps.config);
    const source = await createSource(deps.database.pool, body);
    req.log.info({ sourceId: source.id }, 'source created');
    return reply.status(201).send(source);
  };
}

export function update(deps: Pick<ApiDeps, 'database' | 'config'>) {
  return async (req: FastifyRequest) => {
    const { id } = validate(IdParams, req.params, 'path');
    const body = validate(SourceUpdateBody, req.body, 'body');
    if (body.url !== undefined) await checkFetchable(body.url, deps.config);
    const source = await updateSource(deps.database.pool, id, body);
    if (!source) throw notFound(`source ${id}`);
    req.log.info({ sourceId: id, fields: Object.keys(body) }, 'source updated');
    return source;
  };
}

export function pollNow(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const { id } = validate(IdParams, req.params, 'path');
    const source = await requestPollNow(deps.database.pool, id);
    if (!source) throw notFound(`source ${id}`);
    req.log.info({ sourceId: id }, 'poll requested');
    return reply.status(202).send(source);
  };
}

/** Ready-made query feeds for the trust (Google News, Reddit, Mastodon tags, ...). */
export function presets(deps: Pick<ApiDeps, 'database'>) {
  return async () => {
    const profile = await getTrustProfile(deps.database.pool);
    return { items: profile ? buildSourcePresets(profile) : [] };
  };
}

/** Finds the feeds a web page advertises (or confirms the URL is itself a feed). */
export function discover(deps: Pick<ApiDeps, 'config'>) {
  return async (req: FastifyRequest) => {
    const { url } = validate(DiscoverBody, req.body, 'body');
    const items = await discoverFeeds(url, feedHttpPolicy(deps.config)).catch((error: unknown) =>
      asClientError(error, 'could not look for feeds on that page'),
    );
    return { items };
  };
}
