import { IdParams, MentionListQuery, viewMention } from '@barometer/core';
import { getMention, listMentions } from '@barometer/db';
import type { FastifyRequest } from 'fastify';
import type { ApiDeps } from '../deps.ts';
import { notFound, validate } from '../http-error.ts';

export function list(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const query = validate(MentionListQuery, req.query, 'query');
    const page = await listMentions(deps.database.pool, query);
    return { ...page, items: page.items.map((m) => viewMention(m, { raw: true })) };
  };
}

export function show(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const { id } = validate(IdParams, req.params, 'path');
    const mention = await getMention(deps.database.pool, id);
    if (!mention) throw notFound(`mention ${id}`);
    return viewMention(mention, { raw: true });
  };
}
