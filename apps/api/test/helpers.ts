import { createHash } from 'node:crypto';
import { closeQueues, createQueues, publishLive, type Queues } from '@barometer/bus';
import { type MentionScore, type Role, roomsFor, scoreMention } from '@barometer/core';
import { liveSessionIds, upsertMentions } from '@barometer/db';
import {
  addFeedSource,
  addSignedInUser,
  createTestDatabase,
  type TestDatabase,
  testRedisPrefix,
} from '@barometer/db/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { createSessionCache } from '../src/auth/session-cache.ts';
import { loadApiConfig, sessionPolicy } from '../src/config.ts';
import { createLiveHub, type LiveHub } from '../src/live/live-hub.ts';

export interface ApiTestEnv {
  app: FastifyInstance;
  /** A signed-in officer and admin: the cookie every `inject` sends unless told otherwise. */
  cookie: string;
  live: LiveHub;
  queues: Queues;
  /** A fresh signed-in person with these roles. */
  signedIn(roles: Role[]): Promise<{ cookie: string; userId: number }>;
  /** `app.inject` as the default signed-in person (pass `headers.cookie: ''` to be nobody). */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  database: TestDatabase;
  publisher: Redis;
  /** The live hub's own subscriber connection (tests drop it to simulate a Redis blip). */
  subscriber: Redis;
  prefix: string;
  sourceId: number;
  /** Stores mentions and publishes them exactly as the ingest job does. */
  ingest(texts: string[]): Promise<number[]>;
  /** `ingest` with the test's own external ids, and a fixed score when the scorer is beside the point. */
  storeAndPublish(
    items: { externalId: string; text: string; score?: MentionScore }[],
    options?: { publish?: boolean },
  ): Promise<number[]>;
  cleanup(): Promise<void>;
}

let counter = 0;

export async function createApiTestEnv(
  label: string,
  overrides: Record<string, string> = {},
  hubOptions: { backfillConcurrency?: number; backfillQueueLimit?: number } = {},
): Promise<ApiTestEnv> {
  const database = await createTestDatabase(label);
  const prefix = testRedisPrefix(label);
  const config = loadApiConfig({
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    ...overrides,
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  const publisher = new Redis(config.REDIS_URL);
  const subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const log = pino({ level: 'silent' });
  const queues = createQueues(redis, prefix);
  const sessions = createSessionCache();
  const live = createLiveHub({
    onSessionsEnded: (ids) => sessions.evictSessions(ids),
    subscriber,
    pool: database.pool,
    prefix,
    log,
    validSessions: (ids) => liveSessionIds(database.pool, ids, sessionPolicy(config)),
    ...hubOptions,
  });
  await live.start();
  const app = await buildApp({ config, database, redis, live, sessions, queues });
  const source = await addFeedSource(database, {
    name: 'Test feed',
    url: 'https://news.example/feed.rss',
    pollIntervalSeconds: 300,
  });

  async function storeAndPublish(
    items: { externalId: string; text: string; score?: MentionScore }[],
    options: { publish?: boolean } = {},
  ): Promise<number[]> {
    const rows = items.map(({ externalId, text, score }) => ({
      mention: {
        externalId,
        url: null,
        author: 'Someone',
        title: null,
        text,
        html: null,
        publishedAt: new Date().toISOString(),
        publishedRaw: null,
        parentExternalId: null,
        rootExternalId: null,
      },
      score: score ?? scoreMention({ text }),
      contentHash: createHash('sha256').update(text).digest('hex'),
    }));
    const result = await upsertMentions(database.pool, source.id, rows);
    if (options.publish === false) return result.changedIds;
    await publishLive(publisher, prefix, {
      kind: 'events',
      rooms: roomsFor('mentions.read'),
      events: result.changedIds.map((mentionId) => ({
        type: 'mention.created' as const,
        mentionId,
      })),
    });
    return result.changedIds;
  }

  const ingest = (texts: string[]) =>
    storeAndPublish(texts.map((text) => ({ externalId: `m-${++counter}`, text })));

  const signedIn = async (roles: Role[]) => {
    const made = await addSignedInUser(database.pool, roles);
    return { cookie: made.cookie, userId: made.user.id };
  };
  const { cookie } = await signedIn(['officer', 'admin']);

  return {
    app,
    live,
    queues,
    cookie,
    signedIn,
    inject: (options) =>
      app.inject({ ...options, headers: { cookie, ...(options.headers ?? {}) } }),
    database,
    publisher,
    subscriber,
    prefix,
    sourceId: source.id,
    ingest,
    storeAndPublish,
    async cleanup() {
      await app.close();
      await live.close();
      await closeQueues(queues);
      await publisher.quit();
      await redis.quit();
      await database.drop();
    },
  };
}
