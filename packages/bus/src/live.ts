import { type LiveBusMessage as BusMessage, LiveBusMessage, liveChannel } from '@barometer/core';
import type { RedisConnection } from './connection.ts';

/** Publishes after a commit: a message lost here is recovered by the readers' back-fill. */
export async function publishLive(
  redis: RedisConnection,
  prefix: string,
  message: BusMessage,
): Promise<void> {
  await redis.publish(liveChannel(prefix), JSON.stringify(LiveBusMessage.parse(message)));
}

export interface LiveSubscription {
  close(): Promise<void>;
}

interface Logger {
  error(obj: object, msg: string): void;
}

/**
 * Subscribes once to the live channel. Pub/sub delivers at most once: whatever was published
 * while the connection was down is gone, so `onResubscribed` lets the reader catch up from
 * Postgres each time the subscription is back.
 */
export async function subscribeLive(
  subscriber: RedisConnection,
  prefix: string,
  handlers: {
    onMessage(message: BusMessage): void;
    onResubscribed(): Promise<void>;
    log: Logger;
  },
): Promise<LiveSubscription> {
  const channel = liveChannel(prefix);
  subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    let parsed: BusMessage;
    try {
      parsed = LiveBusMessage.parse(JSON.parse(raw));
    } catch (error) {
      handlers.log.error({ err: error }, 'ignoring malformed live bus message');
      return;
    }
    handlers.onMessage(parsed);
  });
  await subscriber.subscribe(channel);
  // 'ready' fires again each time ioredis has reconnected after losing the connection.
  subscriber.on('ready', () => {
    subscriber
      .subscribe(channel)
      .then(() => handlers.onResubscribed())
      .catch((error: unknown) =>
        handlers.log.error({ err: error }, 'unable to resubscribe to the live channel'),
      );
  });
  return {
    close: async () => {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
