import { z } from 'zod';
import { BenchModeError, UnknownFeedError } from '../errors.ts';
import { readJson, sendJson } from '../http/respond.ts';
import { HttpError, type Route } from '../http/route.ts';
import type { FeedInfo, SimItem } from '../item.ts';

export const PublishBody = z.object({
  feed: z.string().min(1).max(100),
  title: z.string().min(1).max(500).optional(),
  text: z.string().min(1).max(20_000).optional(),
  author: z.string().min(1).max(200).optional(),
  html: z.string().min(1).max(50_000).optional(),
});
export type PublishBody = z.infer<typeof PublishBody>;

type Deps = {
  feeds: () => FeedInfo[];
  publish: (feed: string, item: Partial<SimItem>) => SimItem;
};

/** Test and demo controls: what feeds exist, and "make this post appear now". */
export function controlRoutes({ feeds, publish }: Deps): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/control\/feeds$/,
      handle: (context) => sendJson(context, 200, { feeds: feeds() }),
    },
    {
      method: 'POST',
      path: /^\/control\/publish$/,
      async handle(context) {
        const parsed = PublishBody.safeParse(await readJson(context.req));
        if (!parsed.success) {
          const detail = parsed.error.issues
            .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
            .join('; ');
          throw new HttpError(400, 'invalid_body', detail);
        }
        const { feed, ...fields } = parsed.data;
        const given = Object.fromEntries(
          Object.entries(fields).filter(([, value]) => value !== undefined),
        );
        sendJson(context, 201, { item: publishOrExplain(publish, feed, given) });
      },
    },
  ];
}

function publishOrExplain(publish: Deps['publish'], feed: string, item: Partial<SimItem>): SimItem {
  try {
    return publish(feed, item);
  } catch (error) {
    if (error instanceof UnknownFeedError) throw new HttpError(404, 'unknown_feed', error.message);
    if (error instanceof BenchModeError) throw new HttpError(409, 'bench_mode', error.message);
    throw error;
  }
}
