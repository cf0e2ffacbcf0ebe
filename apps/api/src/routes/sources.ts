import { enqueue, publishLive, readHeartbeat, schedulerHeartbeatKey } from '@barometer/bus';
import { connectorFor } from '@barometer/connectors';
import {
  buildSourcePresets,
  feedHttpPolicy,
  mentionMatchText,
  mentionsTrust,
  normaliseSourceUrl,
  pipelineHealth,
  pollJobId,
  roomsFor,
  type SourceDto,
} from '@barometer/core';
import {
  auditedAction,
  countSourceMentions,
  createSource,
  deleteSource,
  findSourceByAddress,
  getSource,
  getSourceDto,
  getTrustProfile,
  listSources,
  requestPollNow,
  updateSource,
} from '@barometer/db';
import { assertFetchable, isConnectorError } from '@barometer/http';
import type { ApiDeps } from '../deps.ts';
import { createDiscoveryGate } from '../discovery/discovery-gate.ts';
import { createDiscoveryRunner } from '../discovery/run-discovery.ts';
import { HttpError, notFound } from '../http-error.ts';
import { actorOf, requireViewer } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'config' | 'redis' | 'queues'>;

/** A connector's refusal (private address, unreachable, not a feed) as a 4xx in plain words. */
function asClientError(error: unknown, what: string): never {
  if (isConnectorError(error)) {
    throw new HttpError(
      error.code === 'private-address' ? 400 : 422,
      error.code,
      `${what}: ${error.message}`,
      { fields: { url: `${what}: ${error.message}` } },
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
    asClientError(error, 'This address cannot be used');
  });
}

async function refuseDuplicate(deps: Deps, url: string, exceptId?: number): Promise<void> {
  const existing = await findSourceByAddress(deps.database.pool, url, normaliseSourceUrl, exceptId);
  if (existing) {
    const message = `This address is already added as "${existing.name}"`;
    throw new HttpError(409, 'duplicate_source', message, { fields: { url: message } });
  }
}

async function announce(deps: Deps, source: SourceDto): Promise<void> {
  await publishLive(deps.redis, deps.config.REDIS_PREFIX, {
    kind: 'events',
    rooms: roomsFor('sources.read'),
    events: [{ type: 'source.updated', source }],
  });
}

/** Sources with their health, and whether they are being polled at all. */
export function list(deps: Deps): RouteHandler<'GET /api/sources'> {
  return async () => {
    const [items, beat] = await Promise.all([
      listSources(deps.database.pool),
      readHeartbeat(deps.redis, schedulerHeartbeatKey(deps.config.REDIS_PREFIX)),
    ]);
    return {
      items,
      pipeline: pipelineHealth({ lastTickAt: beat.at, readable: beat.readable, now: new Date() }),
    };
  };
}

export function show(deps: Deps): RouteHandler<'GET /api/sources/:id'> {
  return async (req) => {
    const source = await getSourceDto(deps.database.pool, req.params.id);
    if (!source) throw notFound('source');
    return source;
  };
}

export function create(deps: Deps): RouteHandler<'POST /api/sources'> {
  return async (req, reply) => {
    const body = req.body;
    await checkFetchable(body.url, deps.config);
    // One instance or API can serve many social sources (a hashtag, a search): only feeds are
    // duplicates by address alone.
    if (body.kind === 'rss') await refuseDuplicate(deps, body.url);
    const source = await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const created = await createSource(tx, body);
      return {
        result: created,
        audit: {
          action: 'source.created',
          subjectType: 'source',
          subjectId: created.id,
          after: body,
        },
      };
    });
    req.log.info({ sourceId: source.id }, 'source created');
    await announce(deps, source);
    return reply.status(201).send(source);
  };
}

export function update(deps: Deps): RouteHandler<'PATCH /api/sources/:id'> {
  return async (req) => {
    const { id } = req.params;
    const body = req.body;
    if (body.url !== undefined) {
      await checkFetchable(body.url, deps.config);
      const existing = await getSource(deps.database.pool, id);
      if (existing?.kind === 'rss') await refuseDuplicate(deps, body.url, id);
    }
    const source = await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const before = await getSource(tx, id);
      if (!before) throw notFound('source');
      const after = await updateSource(tx, id, body);
      const changed = Object.fromEntries(
        Object.keys(body).map((k) => [k, before[k as keyof typeof before]]),
      );
      return {
        result: after!,
        audit: {
          action: 'source.updated',
          subjectType: 'source',
          subjectId: id,
          before: changed,
          after: body,
        },
      };
    });
    req.log.info({ sourceId: id, fields: Object.keys(body) }, 'source updated');
    await announce(deps, source);
    return source;
  };
}

export function deletion(deps: Deps): RouteHandler<'GET /api/sources/:id/deletion'> {
  return async (req) => {
    if (!(await getSource(deps.database.pool, req.params.id))) throw notFound('source');
    return { mentions: await countSourceMentions(deps.database.pool, req.params.id) };
  };
}

/** Deletes a source and its mentions, once the person has confirmed how many mentions go. */
export function remove(deps: Deps): RouteHandler<'DELETE /api/sources/:id'> {
  return async (req, reply) => {
    const { id } = req.params;
    await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const source = await getSource(tx, id);
      if (!source) throw notFound('source');
      const mentions = await countSourceMentions(tx, id);
      if (mentions !== req.query.confirmMentions) {
        throw new HttpError(
          409,
          'count_changed',
          `This source now has ${mentions} mentions, not ${req.query.confirmMentions}: confirm again`,
        );
      }
      await deleteSource(tx, id);
      return {
        result: undefined,
        audit: {
          action: 'source.deleted',
          subjectType: 'source',
          subjectId: id,
          before: { name: source.name, url: source.url, mentions },
        },
      };
    });
    req.log.info({ sourceId: id }, 'source deleted');
    await publishLive(deps.redis, deps.config.REDIS_PREFIX, {
      kind: 'events',
      rooms: roomsFor('sources.read'),
      events: [{ type: 'source.deleted', sourceId: id }],
    });
    return reply.status(204).send();
  };
}

export function pollNow(deps: Deps): RouteHandler<'POST /api/sources/:id/poll'> {
  return async (req, reply) => {
    const { id } = req.params;
    const source = await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const polled = await requestPollNow(tx, id);
      if (!polled) throw notFound('source');
      return {
        result: polled,
        audit: { action: 'source.poll-requested', subjectType: 'source', subjectId: id },
      };
    });
    req.log.info({ sourceId: id }, 'poll requested');
    // Queued now rather than at the scheduler's next tick; if Redis is down the source is still
    // due in Postgres, and the scheduler queues it once Redis is back.
    await enqueue(
      deps.queues,
      'source.poll',
      { sourceId: id },
      { jobId: pollJobId(id), removeOnFail: true },
    ).catch((error: unknown) =>
      req.log.warn(
        { err: error, sourceId: id },
        'could not queue the poll now; the scheduler will',
      ),
    );
    await announce(deps, source);
    return reply.status(202).send(source);
  };
}

const PREVIEW_SAMPLE = 5;

/** Fetches a feed once, saving nothing, and says what adding it would bring. */
export function preview(deps: Deps): RouteHandler<'POST /api/sources/preview'> {
  return async (req) => {
    const { url, isQueryFeed } = req.body;
    await checkFetchable(url, deps.config);
    await refuseDuplicate(deps, url);
    const result = await connectorFor('rss')
      .poll(
        {
          id: 0,
          kind: 'rss',
          url,
          validators: { etag: null, lastModified: null, contentHash: null },
        },
        feedHttpPolicy(deps.config),
      )
      .catch((error: unknown) => asClientError(error, 'Could not read this feed'));
    if (result.status !== 'ok') throw new HttpError(422, 'empty', 'The feed sent nothing to show');
    const profile = await getTrustProfile(deps.database.pool);
    const marked = result.mentions.map((m) => ({
      mention: m,
      mentionsTrust:
        isQueryFeed || (profile !== undefined && mentionsTrust(mentionMatchText(m), profile)),
    }));
    return {
      title: result.title,
      itemCount: result.mentions.length,
      mentioningTrust: marked.filter((m) => m.mentionsTrust).length,
      sample: marked.slice(0, PREVIEW_SAMPLE).map(({ mention, mentionsTrust: matches }) => ({
        title: mention.title,
        text: mention.text.slice(0, 280),
        publishedAt: mention.publishedAt,
        mentionsTrust: matches,
      })),
      warnings: result.warnings,
    };
  };
}

/** Ready-made query feeds for the trust (Google News, Reddit, Mastodon tags, ...). */
export function presets(deps: Deps): RouteHandler<'GET /api/sources/presets'> {
  return async () => {
    const profile = await getTrustProfile(deps.database.pool);
    return { items: profile ? buildSourcePresets(profile) : [] };
  };
}

/**
 * Finds the feeds a web page advertises (or confirms the URL is itself a feed). Admitted through
 * a gate (a few at once, a few per person per minute) and run in a worker thread with a small
 * body cap, so a flood of discoveries cannot take the API's memory or event loop.
 */
export function discover(deps: Deps): RouteHandler<'POST /api/sources/discover'> {
  const gate = createDiscoveryGate({
    maxConcurrent: deps.config.DISCOVERY_MAX_CONCURRENT,
    perClientPerMinute: deps.config.DISCOVERY_PER_CLIENT_PER_MINUTE,
  });
  const runner = createDiscoveryRunner();
  return async (req) => {
    const admission = gate.enter(`user:${requireViewer(req).userId}`, Date.now());
    if (!admission.ok) {
      req.log.info({ reason: admission.reason }, 'feed discovery refused at the gate');
      throw new HttpError(
        admission.reason === 'rate' ? 429 : 503,
        admission.reason === 'rate' ? 'rate_limited' : 'busy',
        admission.message,
        { retryAfterSeconds: admission.retryAfterSeconds },
      );
    }
    try {
      const items = await runner
        .discover(req.body.url, feedHttpPolicy(deps.config))
        .catch((error: unknown) => asClientError(error, 'Could not look for feeds on that page'));
      return { items };
    } finally {
      admission.release();
    }
  };
}
