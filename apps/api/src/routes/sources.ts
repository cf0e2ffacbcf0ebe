import { buildSourcePresets, IdParams, SourceCreateBody, SourceUpdateBody } from '@barometer/core';
import {
  createSource,
  getSourceDto,
  getTrustProfile,
  listSources,
  requestPollNow,
  updateSource,
} from '@barometer/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiDeps } from '../deps.ts';
import { notFound, validate } from '../http-error.ts';

export function list(deps: Pick<ApiDeps, 'database'>) {
  return async () => ({ items: await listSources(deps.database.db) });
}

export function show(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const { id } = validate(IdParams, req.params, 'path');
    const source = await getSourceDto(deps.database.db, id);
    if (!source) throw notFound(`source ${id}`);
    return source;
  };
}

export function create(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const body = validate(SourceCreateBody, req.body, 'body');
    const source = await createSource(deps.database.db, body);
    req.log.info({ sourceId: source.id }, 'source created');
    return reply.status(201).send(source);
  };
}

export function update(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const { id } = validate(IdParams, req.params, 'path');
    const body = validate(SourceUpdateBody, req.body, 'body');
    const source = await updateSource(deps.database.db, id, body);
    if (!source) throw notFound(`source ${id}`);
    req.log.info({ sourceId: id, fields: Object.keys(body) }, 'source updated');
    return source;
  };
}

export function pollNow(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const { id } = validate(IdParams, req.params, 'path');
    const source = await requestPollNow(deps.database.db, id);
    if (!source) throw notFound(`source ${id}`);
    req.log.info({ sourceId: id }, 'poll requested');
    return reply.status(202).send(source);
  };
}

/** Ready-made query feeds for the trust (Google News, Reddit, Mastodon tags, ...). */
export function presets(deps: Pick<ApiDeps, 'database'>) {
  return async () => {
    const profile = await getTrustProfile(deps.database.db);
    return { items: profile ? buildSourcePresets(profile) : [] };
  };
}
