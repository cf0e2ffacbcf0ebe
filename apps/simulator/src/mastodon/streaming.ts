import type { WebSocket, WebSocketServer } from 'ws';
import { bearerToken, type UpgradeHandler } from '../social/platform-http.ts';
import type { SocialPost, SocialWorld, WorldEvent } from '../social/world.ts';
import { renderStatus } from './render.ts';

type Deps = {
  world: SocialWorld;
  wss: WebSocketServer;
  tokens: Set<string>;
  mentionsAccount(post: SocialPost): boolean;
  notification(post: SocialPost, world: SocialWorld): unknown;
};

/**
 * `/mastodon/api/v1/streaming?stream=hashtag&tag=x` (or `user:notification`) as a websocket:
 * `{stream, event, payload}` with the Status as a JSON string, the bare id for `delete`. A
 * missing or unknown token is refused at the upgrade (Mastodon 4.2+ needs one).
 */
export function mastodonStreaming(deps: Deps) {
  const open = new Set<WebSocket>();
  const upgrade: UpgradeHandler = (req, socket, head, url) => {
    if (url.pathname !== '/mastodon/api/v1/streaming') return false;
    const token = bearerToken(req, url);
    if (!token || !deps.tokens.has(token)) {
      socket.end(
        'HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"error":"The access token is invalid"}',
      );
      return true;
    }
    const stream = url.searchParams.get('stream') ?? '';
    const tag = (url.searchParams.get('tag') ?? '').toLowerCase();
    deps.wss.handleUpgrade(req, socket, head, (ws) => {
      open.add(ws);
      const unsubscribe = deps.world.subscribe((event) => {
        const message = messageFor(event, stream, tag, deps);
        if (message && ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      });
      ws.on('close', () => {
        open.delete(ws);
        unsubscribe();
      });
    });
    return true;
  };
  return {
    upgrade,
    dropAll() {
      for (const ws of open) ws.terminate();
      open.clear();
    },
  };
}

function messageFor(event: WorldEvent, stream: string, tag: string, deps: Deps): unknown {
  const { post } = event;
  if (stream === 'hashtag') {
    const original = post.boostOf ? deps.world.find(post.boostOf) : post;
    if (!original?.tags.includes(tag)) return null;
    const name = ['hashtag', tag];
    if (event.type === 'delete') return { stream: name, event: 'delete', payload: post.id };
    const payload = JSON.stringify(renderStatus(post, deps.world));
    return { stream: name, event: event.type === 'create' ? 'update' : 'status.update', payload };
  }
  if (
    stream === 'user:notification' &&
    event.type === 'create' &&
    !post.boostOf &&
    deps.mentionsAccount(post)
  ) {
    return {
      stream: ['user:notification'],
      event: 'notification',
      payload: JSON.stringify(deps.notification(post, deps.world)),
    };
  }
  return null;
}
