import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeQueues, createQueues, type Queues } from './job-producer.ts';
import { installSchedules, nextScheduledRuns, type Schedule } from './schedules.ts';

let redis: Redis;
let queues: Queues;
const prefix = `test_schedules_${process.pid}_${Date.now()}`;

beforeAll(() => {
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: null,
  });
  queues = createQueues(redis, prefix);
});

afterAll(async () => {
  await closeQueues(queues);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const londonHour = (d: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(d),
  );

test('a cron schedule in Europe/London fires at the local hour, and installing twice keeps one scheduler', async () => {
  const table: Schedule[] = [
    { job: 'sources.schedule', everyMs: 60_000 },
    { job: 'mentions.rescore', cron: '0 7 * * 1', timeZone: 'Europe/London' },
  ];
  await installSchedules(queues, table);
  await installSchedules(queues, table);
  const runs = await nextScheduledRuns(queues, table);
  const weekly = runs.find((r) => r.job === 'mentions.rescore')!.next!;
  expect(weekly.getTime()).toBeGreaterThan(Date.now());
  expect(londonHour(weekly)).toBe(7);
  expect(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long' }).format(weekly),
  ).toBe('Monday');
  expect(await queues.ingest.getJobSchedulersCount()).toBe(1);
  expect(runs.find((r) => r.job === 'sources.schedule')!.next).not.toBeNull();
});
