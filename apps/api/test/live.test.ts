import { LiveServerMessage } from '@barometer/core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import WebSocket from 'ws';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

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

interface LiveClient {
  messages: LiveServerMessage[];
  mentionIds(): number[];
  send(data: unknown): void;
  close(): Promise<void>;
}

async function connect(lastId: number | null): Promise<LiveClient> {
  const socket = new WebSocket(`${baseUrl}/api/live`);
  const messages: LiveServerMessage[] = [];
  socket.on('message', (data) => messages.push(LiveServerMessage.parse(JSON.parse(String(data)))));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'resume', lastId }));
  await vi.waitFor(() => expect(messages.some((m) => m.type === 'resume.done')).toBe(true));
  return {
    messages,
    mentionIds: () => messages.flatMap((m) => (m.type === 'mention.created' ? [m.mention.id] : [])),
    send: (data) => socket.send(typeof data === 'string' ? data : JSON.stringify(data)),
    close: () =>
      new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

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

  const [later] = await env.ingest(['Live again: Northfield NHS open day']);
  await vi.waitFor(() => expect(second.mentionIds()).toContain(later));
  await second.close();
});

test('a malformed client message gets an error and the connection stays usable', async () => {
  const client = await connect(null);
  client.send('not json at all');
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
