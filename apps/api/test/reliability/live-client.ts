import { LiveServerMessage } from '@barometer/core';
import { expect, vi } from 'vitest';
import WebSocket from 'ws';

export interface LiveClient {
  socket: WebSocket;
  messages: LiveServerMessage[];
  mentionIds(): number[];
  /** The close code once the connection has closed, else null. */
  closeCode(): number | null;
  close(): Promise<void>;
}

/** A dashboard's live connection: connects, resumes after `lastId`, waits for the back-fill. */
export async function connectLive(
  wsBase: string,
  lastId: number | null,
  auth: { cookie: string },
): Promise<LiveClient> {
  // A browser on our own page sends its origin and its session cookie; so does this client.
  const origin = wsBase.replace(/^ws/, 'http');
  const socket = new WebSocket(`${wsBase}/api/live`, { origin, headers: { cookie: auth.cookie } });
  const messages: LiveServerMessage[] = [];
  let closeCode: number | null = null;
  socket.on('message', (data) => messages.push(LiveServerMessage.parse(JSON.parse(String(data)))));
  socket.on('close', (code) => {
    closeCode = code;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'resume', lastId }));
  await vi.waitFor(
    () => {
      if (closeCode !== null) {
        const received = messages.filter((m) => m.type === 'mention.created').length;
        throw new Error(`closed with ${closeCode} before resume.done, after ${received} mentions`);
      }
      expect(messages.some((m) => m.type === 'resume.done')).toBe(true);
    },
    { timeout: 10_000 },
  );
  return {
    socket,
    messages,
    mentionIds: () => messages.flatMap((m) => (m.type === 'mention.created' ? [m.mention.id] : [])),
    closeCode: () => closeCode,
    close: () =>
      new Promise((resolve) => {
        if (closeCode !== null) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
