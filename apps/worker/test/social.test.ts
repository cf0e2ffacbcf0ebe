import { randomBytes } from 'node:crypto';
import {
  createSecretBox,
  createSource,
  getSourceDto,
  saveTrustProfile,
  setSourceCredential,
} from '@barometer/db';
import { MASTODON_TOKEN, type Simulator, startSimulator } from '@barometer/simulator';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pollSource } from '../src/jobs/source-poll.ts';
import { createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';

const KEY = randomBytes(32).toString('base64');
let env: WorkerTestEnv;
let sim: Simulator;

beforeAll(async () => {
  env = await createWorkerTestEnv('social');
  sim = await startSimulator({ autoTick: false, startWith: 0, seed: 9 });
  await saveTrustProfile(env.database.pool, {
    name: 'Northfield and District NHS Foundation Trust',
    aliases: ['Northfield General'],
    handles: ['@NorthfieldNHS'],
    hashtags: ['#NorthfieldGeneral'],
    sites: [],
    taxonomy: {},
  });
});
afterAll(async () => {
  await env.cleanup();
  await sim.close();
});

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const storedTexts = async (sourceId: number) =>
  (
    await env.database.pool.query<{
      text: string;
      external_id: string;
      root_external_id: string | null;
      deleted_at: Date | null;
    }>(
      'select text, external_id, root_external_id, deleted_at from mentions where source_id = $1 order by id',
      [sourceId],
    )
  ).rows;

describe('social sources in the worker', () => {
  test('a Mastodon poll opens its sealed token in memory, keeps its cursor, and a later poll asks only for newer posts', async () => {
    const source = await createSource(env.database.pool, {
      kind: 'mastodon',
      name: 'mentions',
      url: `${sim.url}/mastodon`,
      query: '@mentions',
      isQueryFeed: true,
      pollIntervalSeconds: 300,
      enabled: true,
    });
    await setSourceCredential(env.database.pool, createSecretBox(KEY), source.id, MASTODON_TOKEN);
    const deps = { ...env.deps, config: { ...env.config, BAROMETER_SECRET_KEY: KEY } };
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
    const ctx = { jobId: 'poll', log };
    const first = sim.social.publish('mastodon', { text: 'Thanks @NorthfieldNHS' });
    await pollSource({ sourceId: source.id }, ctx, deps);
    const { rows } = await env.database.pool.query<{
      poll_cursor: string;
      last_error: string | null;
    }>('select poll_cursor, last_error from sources where id = $1', [source.id]);
    expect(rows[0]).toEqual({ poll_cursor: first.id, last_error: null });
    sim.social.publish('mastodon', { text: 'Again @NorthfieldNHS' });
    sim.social.faults.inject('mastodon', { status: 500, pathIncludes: 'notifications' });
    await pollSource({ sourceId: source.id }, ctx, deps); // a failure is logged too
    await pollSource({ sourceId: source.id }, ctx, deps);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('\n')).not.toContain(MASTODON_TOKEN);
    const jobs = await env.deps.queues.ingest.getJobs([
      'waiting',
      'delayed',
      'completed',
      'failed',
    ]);
    expect(jobs.length).toBeGreaterThan(0);
    expect(JSON.stringify(jobs.map((j) => j.data))).not.toContain(MASTODON_TOKEN);
    const calls = sim.social.requests.all().filter((r) => r.path.endsWith('/notifications'));
    // The second poll starts right after the stored cursor (then pages on to an empty page).
    expect(calls.filter((r) => r.query.min_id?.[0] === first.id).length).toBeGreaterThan(0);
    expect(calls.every((r) => r.headers.authorization === `Bearer ${MASTODON_TOKEN}`)).toBe(true);
  });

  test('without the secret key a stored credential is reported on the source in plain words', async () => {
    const source = await createSource(env.database.pool, {
      kind: 'mastodon',
      name: 'no key',
      url: `${sim.url}/mastodon`,
      query: '#NorthfieldGeneral',
      isQueryFeed: true,
      pollIntervalSeconds: 300,
      enabled: true,
    });
    await pollSource({ sourceId: source.id }, env.ctx, env.deps);
    const { rows } = await env.database.pool.query<{ last_error: string }>(
      'select last_error from sources where id = $1',
      [source.id],
    );
    expect(rows[0]?.last_error).toBe('the server has no secret key to open the stored credentials');
  });

  test('the Jetstream consumer stores matching posts, resumes after a worker restart without gap or duplicate, and hides deletions', async () => {
    await env.database.pool.query('delete from source_credentials');
    const source = await createSource(env.database.pool, {
      kind: 'jetstream',
      name: 'Bluesky firehose',
      url: `${sim.url}/bsky`,
      query: null,
      isQueryFeed: true,
      pollIntervalSeconds: 3600,
      enabled: true,
    });
    const worker = await env.startWorker({ WORKER_QUEUES: 'poll,ingest' });
    const cursorOf = async () =>
      (
        await env.database.pool.query<{ cursor: string | null; status: string | null }>(
          'select cursor, status from stream_cursors where source_id = $1',
          [source.id],
        )
      ).rows[0];
    await eventually(cursorOf, (c) => c?.status === 'connected', 'the stream to connect');
    const dto = await getSourceDto(env.database.pool, source.id);
    expect(dto?.stream).toEqual({ status: 'connected', problem: null });
    const first = sim.social.publish('bluesky', { text: 'Northfield General A&E is packed' });
    sim.social.publish('bluesky', { text: 'lovely weather in Leeds' });
    await eventually(
      () => storedTexts(source.id),
      (rows) => rows.length === 1,
      'the matching post',
    );
    await eventually(cursorOf, (c) => !!c?.cursor, 'a stored cursor');
    await worker.close();

    const reply = sim.social.publish('bluesky', {
      text: 'Northfield General again, while the worker was down',
      replyTo: first.id,
    });
    const again = await env.startWorker({ WORKER_QUEUES: 'poll,ingest' });
    const rows = await eventually(
      () => storedTexts(source.id),
      (r) => r.length === 2,
      'the post made while stopped',
    );
    expect(rows.map((r) => r.text)).toEqual([
      'Northfield General A&E is packed',
      'Northfield General again, while the worker was down',
    ]);
    expect(rows[1]?.root_external_id).toBe(rows[0]?.external_id);
    expect(rows[1]?.external_id).toMatch(new RegExp(`${reply.id}$`));
    sim.social.world('bluesky').remove(first.id);
    await eventually(
      () => storedTexts(source.id),
      (r) => r[0]?.deleted_at !== null,
      'the deletion',
    );
    await again.close();
  });
});
