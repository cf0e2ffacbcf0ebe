import { LIVE_BACKFILL_LIMIT } from '@barometer/core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';
import { connectLive } from './reliability/live-client.ts';

let env: ApiTestEnv;
let baseUrl: string;

beforeAll(async () => {
  env = await createApiTestEnv('live');
  const address = await env.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = address.replace(/^http/, 'ws');
});

afterAll(async () => {
  await env?.cleanup();
});

const connect = (lastId: number | null) => connectLive(baseUrl, lastId, env);

test('a connected client receives a mention committed after it connected', async () => {
  const client = await connect(null);
  const [id] = await env.ingest(['Northfield General A&E was heaving tonight']);
  await vi.waitFor(() => expect(client.mentionIds()).toContain(id));
  const message = client.messages.find((m) => m.type === 'mention.created' && m.mention.id === id);
  expect(message).toMatchObject({
    mention: { text: 'Northfield General A&E was heaving tonight', sourceName: 'Test feed' },
  });
  await client.close();
});

test('a client reconnecting with its last id gets the mentions it missed, then live ones', async () => {
  const first = await connect(null);
  const [seen] = await env.ingest(['Seen live: thank you Bluebell Ward']);
  await vi.waitFor(() => expect(first.mentionIds()).toContain(seen));
  await first.close();

  const missed = await env.ingest([
    'Missed one: parking at Northfield is a nightmare',
    'Missed two: lovely porter on Puffin Ward',
    'Missed three: appointment cancelled again',
  ]);

  const second = await connect(seen!);
  const afterResume = second.mentionIds();
  for (const id of missed) expect(afterResume).toContain(id);
  // Back-filled in order, before the resume marker.
  const doneIndex = second.messages.findIndex((m) => m.type === 'resume.done');
  const missedIndexes = missed.map((id) =>
    second.messages.findIndex((m) => m.type === 'mention.created' && m.mention.id === id),
  );
  expect(missedIndexes.every((i) => i >= 0 && i < doneIndex)).toBe(true);
  expect([...missedIndexes].sort((a, b) => a - b)).toEqual(missedIndexes);
  expect(second.messages[doneIndex]).toMatchObject({ type: 'resume.done', truncated: false });

  const [later] = await env.ingest(['Live again: Northfield NHS open day']);
  await vi.waitFor(() => expect(second.mentionIds()).toContain(later));
  await second.close();
});

test('a back-fill cut at the limit says so, so the client reloads instead of showing a gap', async () => {
  const first = await connect(null);
  // Stays connected, so we know when the hub has fanned the burst out: the reconnecting client
  // then gets the burst from the back-fill alone, not also as queued live items.
  const probe = await connect(null);
  const [seen] = await env.ingest(['Last one seen before a long disconnect']);
  await vi.waitFor(() => expect(first.mentionIds()).toContain(seen));
  await first.close();
  const missed = await env.ingest(
    Array.from({ length: LIVE_BACKFILL_LIMIT + 5 }, (_, i) => `Busy night ${i} at Northfield A&E`),
  );
  await vi.waitFor(() => expect(probe.mentionIds()).toContain(missed.at(-1)), { timeout: 15_000 });
  await probe.close();
  const second = await connect(seen!);
  const done = second.messages.find((m) => m.type === 'resume.done');
  expect(done).toMatchObject({ truncated: true });
  const newer = second.mentionIds().filter((id) => id > seen!);
  expect(newer).toEqual(missed.slice(0, LIVE_BACKFILL_LIMIT));
  await second.close();
});

test('mentions published while the hub was cut off from Redis reach connected clients once it is back', async () => {
  const client = await connect(null);
  const [before] = await env.ingest(['Seen before the blip']);
  await vi.waitFor(() => expect(client.mentionIds()).toContain(before));
  // Committed while the hub's subscriber is away: its publication is lost to the channel.
  const lost = await env.storeAndPublish(
    [
      { externalId: 'blip-1', text: 'Committed during a Redis blip' },
      { externalId: 'blip-2', text: 'Also committed during the blip' },
    ],
    { publish: false },
  );
  env.subscriber.disconnect(true);
  await vi.waitFor(() => expect(client.mentionIds()).toEqual(expect.arrayContaining(lost)), {
    timeout: 10_000,
  });
  const [after] = await env.ingest(['Live again after the blip']);
  await vi.waitFor(() => expect(client.mentionIds()).toContain(after));
  // The catch-up ends like a resume: the client learns where it stands.
  expect(client.messages.filter((m) => m.type === 'resume.done').length).toBeGreaterThanOrEqual(2);
  await client.close();
});

test('a malformed client message gets an error and the connection stays usable', async () => {
  const client = await connect(null);
  client.socket.send('not json at all');
  await vi.waitFor(() =>
    expect(
      client.messages.some((m) => m.type === 'error' && m.error.code === 'already_resumed'),
    ).toBe(false),
  );
  await vi.waitFor(() => expect(client.messages.some((m) => m.type === 'error')).toBe(true));
  const [id] = await env.ingest(['Still live after a bad message']);
  await vi.waitFor(() => expect(client.mentionIds()).toContain(id));
  await client.close();
});
