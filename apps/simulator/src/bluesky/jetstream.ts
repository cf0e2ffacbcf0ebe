import type { WebSocket, WebSocketServer } from 'ws';
import type { UpgradeHandler } from '../social/platform-http.ts';
import type { SocialWorld } from '../social/world.ts';
import { cidOf, didOf, recordOf } from './render.ts';

type Line = { timeUs: number; collection: string | null; json: string };

/**
 * `/bsky/subscribe` in Jetstream's v1 wire: one JSON line per event, `time_us` cursors, the
 * posts collection filtered by `wantedCollections`, identity and account events always sent.
 * A cursor replays from that instant inclusive (at-least-once: the last event comes again).
 */
export function createJetstream(world: SocialWorld, wss: WebSocketServer, now: () => Date) {
  const log: Line[] = [];
  const open = new Set<{ ws: WebSocket; wanted: Set<string> }>();
  let lastUs = 0;
  let rev = 0;
  const nextUs = () => {
    lastUs = Math.max(lastUs + 1, now().getTime() * 1000);
    return lastUs;
  };
  const publish = (line: Line) => {
    log.push(line);
    if (log.length > 100_000) log.splice(0, log.length - 100_000);
    for (const client of open) send(client, line);
  };
  const send = (client: { ws: WebSocket; wanted: Set<string> }, line: Line) => {
    if (line.collection && client.wanted.size > 0 && !client.wanted.has(line.collection)) return;
    if (client.ws.readyState === client.ws.OPEN) client.ws.send(line.json);
  };

  world.subscribe((event) => {
    const { post } = event;
    const did = didOf(post.author);
    rev += 1;
    const timeUs = nextUs();
    const operation = event.type;
    const commit: Record<string, unknown> = {
      rev: `3mm${rev.toString(36).padStart(10, '0')}`,
      operation,
      collection: 'app.bsky.feed.post',
      rkey: post.id,
    };
    if (operation !== 'delete') {
      commit.record = recordOf(post, world);
      commit.cid = cidOf(post);
    }
    publish({
      timeUs,
      collection: 'app.bsky.feed.post',
      json: JSON.stringify({ did, time_us: timeUs, kind: 'commit', commit }),
    });
    if (post.seq % 7 === 0) {
      const identityUs = nextUs();
      publish({
        timeUs: identityUs,
        collection: null,
        json: JSON.stringify({
          did,
          time_us: identityUs,
          kind: 'identity',
          identity: { did, seq: post.seq, time: now().toISOString() },
        }),
      });
    }
  });

  const upgrade: UpgradeHandler = (req, socket, head, url) => {
    if (url.pathname !== '/bsky/subscribe') return false;
    const wanted = new Set(url.searchParams.getAll('wantedCollections'));
    if (wanted.size > 100) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\ntoo many collections');
      return true;
    }
    const cursor = Number(url.searchParams.get('cursor') ?? Number.NaN);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const client = { ws, wanted };
      if (Number.isFinite(cursor))
        for (const line of log) if (line.timeUs >= cursor) send(client, line);
      open.add(client);
      ws.on('close', () => open.delete(client));
    });
    return true;
  };
  return {
    upgrade,
    /** The firehose carries the whole network: raw lines, for the filtering benchmark. */
    publishRaw(json: string, timeUs: number) {
      publish({ timeUs, collection: 'app.bsky.feed.post', json });
    },
    lastTimeUs: () => lastUs,
    dropAll() {
      for (const client of open) client.ws.terminate();
      open.clear();
    },
  };
}
