import { LiveServerMessage } from '@barometer/core';
import { expect, vi } from 'vitest';
import WebSocket from 'ws';

export interface LiveClient {
  messages: LiveServerMessage[];
  externalIds(): string[];
  closed(): boolean;
  close(): Promise<void>;
}

/** A dashboard's live connection: connects, resumes after `lastId`, waits for the back-fill. */
export async function connectLive(
  apiUrl: string,
  lastId: number | null,
  auth: { cookie: string },
): Promise<LiveClient> {
  const socket = new WebSocket(`${apiUrl.replace(/^http/, 'ws')}/api/live`, {
    origin: apiUrl,
    headers: { cookie: auth.cookie },
  });
  const messages: LiveServerMessage[] = [];
  let closed = false;
  socket.on('message', (data) => messages.push(LiveServerMessage.parse(JSON.parse(String(data)))));
  socket.on('close', () => {
    closed = true;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'resume', lastId }));
  await vi.waitFor(() => expect(messages.some((m) => m.type === 'resume.done')).toBe(true), {
    timeout: 10_000,
  });
  return {
    messages,
    externalIds: () =>
      messages.flatMap((m) => (m.type === 'mention.created' ? [m.mention.externalId] : [])),
    closed: () => closed,
    close: () =>
      new Promise((resolve) => {
        if (closed) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
