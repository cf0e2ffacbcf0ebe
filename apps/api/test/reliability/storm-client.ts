import WebSocket from 'ws';

const TRY_AGAIN_LATER = 1013;

export interface CatchUp {
  ids: number[];
  /** How often the server turned this client away as busy (1013) before it was served. */
  turnedAway: number;
}

type Attempt = { ids: number[] } | 'busy' | 'dropped';

function attempt(wsBase: string, lastId: number, cookie: string): Promise<Attempt> {
  return new Promise((resolve) => {
    const origin = wsBase.replace(/^ws/, 'http');
    const socket = new WebSocket(`${wsBase}/api/live`, { origin, headers: { cookie } });
    const ids: number[] = [];
    socket.on('open', () => socket.send(JSON.stringify({ type: 'resume', lastId })));
    socket.on('message', (data) => {
      // Only the fields counted here: thousands of frames arrive at once.
      const message = JSON.parse(String(data)) as { type: string; mention?: { id: number } };
      if (message.type === 'mention.created' && message.mention) ids.push(message.mention.id);
      if (message.type === 'resume.done') {
        socket.close();
        resolve({ ids });
      }
    });
    // Closed (or reset) before resume.done: a browser would try again. No-op once resolved.
    socket.on('close', (code) => resolve(code === TRY_AGAIN_LATER ? 'busy' : 'dropped'));
    socket.on('error', () => resolve('dropped'));
  });
}

/**
 * A dashboard resuming after `lastId` as the web app does: turned away or dropped, it backs off
 * with jitter and tries again, until it has its back-fill.
 */
export async function catchUp(wsBase: string, lastId: number, cookie: string): Promise<CatchUp> {
  let turnedAway = 0;
  for (let tries = 1; ; tries++) {
    const result = await attempt(wsBase, lastId, cookie);
    if (typeof result === 'object') return { ids: result.ids, turnedAway };
    if (result === 'busy') turnedAway++;
    const backoff = Math.min(2000, 100 * 2 ** tries) * (0.5 + Math.random());
    await new Promise((r) => setTimeout(r, backoff));
  }
}
