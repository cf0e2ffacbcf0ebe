import { parseArgs } from 'node:util';
import {
  closeQueues,
  closeRedis,
  createQueues,
  createRedisConnection,
  publishLive,
  scrubQueuedMentions,
} from '@barometer/bus';
import { parseEnv, roomsFor } from '@barometer/core';
import { authorKey, createDatabase, eraseAuthorMentions } from '@barometer/db';
import { z } from 'zod';

const USAGE = `usage: barometer erase --author HANDLE [--source ID]
  removes every mention by HANDLE (with or without a leading @, any case) from the database,
  from jobs waiting in the queue, and from open dashboards; recorded in the audit log under a
  hash of the handle
`;

const EraseEnv = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/barometer'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().default('barometer'),
});

/** The CLI acts as the operator on the server, recorded as such in the audit log. */
const OPERATOR = { userId: null, label: 'cli operator' };

export async function run(args: string[]): Promise<number> {
  let parsed: { author?: string; source?: string };
  try {
    parsed = parseArgs({
      args,
      options: { author: { type: 'string' }, source: { type: 'string' } },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const author = parsed.author?.trim();
  const sourceId = parsed.source === undefined ? null : Number(parsed.source);
  if (!author || (sourceId !== null && !(Number.isInteger(sourceId) && sourceId > 0))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = parseEnv(EraseEnv, process.env);
  const database = createDatabase(config.DATABASE_URL, { max: 2 });
  const redis = createRedisConnection(config.REDIS_URL, 'blocking');
  const queues = createQueues(redis, config.REDIS_PREFIX);
  try {
    // Queued jobs first, so none stores the person's words after the rows are gone.
    const key = authorKey(author);
    const queuedRemoved = await scrubQueuedMentions(
      queues,
      (m, sid) =>
        m.author !== null && authorKey(m.author) === key && (sourceId === null || sid === sourceId),
    );
    const ids = await eraseAuthorMentions(database.pool, OPERATOR, { author, sourceId });
    if (ids.length > 0) {
      await publishLive(redis, config.REDIS_PREFIX, {
        kind: 'events',
        rooms: roomsFor('mentions.read'),
        events: ids.map((mentionId) => ({ type: 'mention.deleted' as const, mentionId })),
      });
    }
    process.stdout.write(
      `erased ${ids.length} stored mention(s) and ${queuedRemoved} queued mention(s) by ${author}${sourceId === null ? '' : ` on source ${sourceId}`}\n`,
    );
    return 0;
  } finally {
    await closeQueues(queues);
    await closeRedis(redis);
    await database.close();
  }
}
