import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';
import { storeAndPublish } from './reliability/bulk-publish.ts';
import { connectLive, type LiveClient } from './reliability/live-client.ts';

// ~24 MB of frames: well past the kernel's socket buffers plus the hub's 4 MiB cap.
const COUNT = 600;
const TEXT_CHARS = 40_000;
const SLOW_CONSUMER = 1013;

let env: ApiTestEnv;
let wsBase: string;
const clients: LiveClient[] = [];

beforeAll(async () => {
  env = await createApiTestEnv('rel_slow');
  wsBase = (await env.app.listen({ host: '127.0.0.1', port: 0 })).replace(/^http/, 'ws');
});

afterAll(async () => {
  for (const client of clients) {
    client.socket.resume();
    await client.close();
  }
  await env?.cleanup();
});

test('a client that stops reading is cut off without holding up others, and resumes losing nothing', async () => {
  const normal = await connectLive(wsBase, null, env);
  const slow = await connectLive(wsBase, null, env);
  clients.push(normal, slow);
  slow.socket.pause();

  const ids = await storeAndPublish(env, {
    label: 'flood',
    count: COUNT,
    textChars: TEXT_CHARS,
    batch: 50,
  });
  expect(ids).toHaveLength(COUNT);
  await vi.waitFor(() => expect(normal.mentionIds()).toEqual(ids), {
    timeout: 30_000,
    interval: 50,
  });
  expect(normal.closeCode()).toBeNull();

  // Once it reads again it finds what was buffered for it, then the hub's close frame.
  slow.socket.resume();
  await vi.waitFor(() => expect(slow.closeCode()).toBe(SLOW_CONSUMER), {
    timeout: 30_000,
    interval: 50,
  });
  const received = slow.mentionIds();
  expect(received.length).toBeLessThan(COUNT);

  const lastSeen = received.length > 0 ? Math.max(...received) : null;
  const resumed = await connectLive(wsBase, lastSeen, env);
  clients.push(resumed);
  expect(new Set([...received, ...resumed.mentionIds()])).toEqual(new Set(ids));
});
