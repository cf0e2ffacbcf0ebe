import { redisKeyValueStore } from '@barometer/bus';
import { connectorFor } from '@barometer/connectors';
import {
  assembleThread,
  can,
  feedHttpPolicy,
  isTrustAuthor,
  type NormalizedMention,
  redactPii,
  type StoredMention,
  summariseThread,
  type ThreadDto,
  type ThreadPostDto,
} from '@barometer/core';
import {
  createSecretBox,
  getMention,
  getSource,
  getTrustProfile,
  listThreadMentions,
  openSourceCredential,
} from '@barometer/db';
import { isConnectorError } from '@barometer/http';
import type { ApiDeps } from '../deps.ts';
import { notFound } from '../http-error.ts';
import { requireViewer } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'config' | 'redis'>;

/** A person is waiting: the platform gets this long to answer before we show what we have. */
const FETCH_TIMEOUT_MS = 8000;

type Member = {
  externalId: string;
  parentExternalId: string | null;
  publishedAt: string | null;
  stored: (StoredMention & { deleted: boolean }) | null;
  fetched: NormalizedMention | null;
};

/**
 * The conversation around a mention: what Barometer stored of its thread, plus (when the
 * platform has a thread API) its ancestors and replies fetched now through the guarded client,
 * bounded by the connector. Stored posts win over fetched ones; fetched text is redacted for
 * readers without raw access exactly as stored text is.
 */
export function show(deps: Deps): RouteHandler<'GET /api/mentions/:id/thread'> {
  return async (req) => {
    const raw = can(requireViewer(req).roles, 'mentions.read-raw');
    const db = deps.database.pool;
    const mention = await getMention(db, req.params.id);
    if (!mention) throw notFound('mention');
    const source = await getSource(db, mention.sourceId);
    if (!source) throw notFound('mention');
    const root = mention.rootExternalId ?? mention.externalId;
    const stored = await listThreadMentions(db, source.id, root);
    const connector = connectorFor(source.kind);

    let fetched: NormalizedMention[] = [];
    let fetchProblem: string | null = null;
    let completeness: ThreadDto['completeness'] = 'stored';
    if (connector.thread) {
      try {
        const key = deps.config.BAROMETER_SECRET_KEY;
        const credential = key
          ? await openSourceCredential(db, createSecretBox(key), source.id)
          : null;
        const policy = feedHttpPolicy(deps.config);
        fetched = await connector.thread(
          {
            id: source.id,
            kind: source.kind,
            url: source.url,
            query: source.query,
            credential,
            validators: { etag: null, lastModified: null, contentHash: null },
          },
          mention.externalId,
          { ...policy, timeouts: { totalMs: FETCH_TIMEOUT_MS } },
          { sessions: redisKeyValueStore(deps.redis, deps.config.REDIS_PREFIX) },
        );
        completeness = 'fetched';
      } catch (error) {
        fetchProblem = isConnectorError(error) ? error.message : 'the platform could not be asked';
        req.log.warn(
          { err: error, sourceId: source.id, mentionId: mention.id },
          'unable to fetch the thread',
        );
      }
    }

    const members = new Map<string, Member>();
    for (const m of fetched) {
      members.set(m.externalId, {
        externalId: m.externalId,
        parentExternalId: m.parentExternalId,
        publishedAt: m.publishedAt,
        stored: null,
        fetched: m,
      });
    }
    for (const m of [...stored, { ...mention, deleted: false }]) {
      members.set(m.externalId, {
        externalId: m.externalId,
        parentExternalId: m.parentExternalId,
        publishedAt: m.publishedAt,
        stored: m,
        fetched: null,
      });
    }
    const handles = (await getTrustProfile(db))?.handles ?? [];
    const posts: ThreadPostDto[] = assembleThread([...members.values()], mention.externalId).map(
      ({ item, depth, parentMissing, isFocus }) => {
        const author = item.stored?.author ?? item.fetched?.author ?? null;
        const text = item.stored
          ? raw
            ? item.stored.text
            : item.stored.redactedText
          : raw
            ? (item.fetched?.text ?? '')
            : redactPii(item.fetched?.text ?? '').redacted;
        return {
          externalId: item.externalId,
          mentionId: item.stored?.id ?? null,
          author,
          text,
          url: item.stored?.url ?? item.fetched?.url ?? null,
          publishedAt: item.publishedAt,
          sentimentLabel: item.stored?.sentimentLabel ?? null,
          flags: item.stored?.flags ?? null,
          depth,
          parentMissing,
          isFocus,
          isTrust: isTrustAuthor(author, handles),
          deleted: item.stored?.deleted ?? false,
        };
      },
    );
    return {
      mentionId: mention.id,
      platform: source.kind,
      posts,
      ...summariseThread(posts),
      completeness,
      fetchProblem,
    };
  };
}
