import { sendBody } from '../http/respond.ts';
import { HttpError, type RequestContext } from '../http/route.ts';
import type { FeedInfo } from '../item.ts';
import type { Random } from '../random.ts';
import type { BenchScenario } from '../scenario/schema.ts';
import { composeItem } from '../text/compose.ts';
import { CONTENT_TYPES } from './live.ts';
import { cdata, element } from './xml.ts';

const BENCH_HOST = 'bench.example';

type Fragment = { rss: string; atomHead: string; atomBody: string };

type Deps = {
  scenario: BenchScenario;
  random: Random;
  now: () => Date;
  runId: string;
  baseUrl: () => string;
};

export type BenchFeeds = {
  list(): FeedInfo[];
  /** Total items handed out so far, across feeds. */
  served(): number;
  serve(context: RequestContext): void;
};

/**
 * Benchmark mode: every fetch returns `itemsPerFetch` items never seen before, so a poller
 * always has work. Texts are rendered and XML-escaped once at start; a fetch only
 * concatenates them with fresh ids, which keeps the simulator cheap next to the pipeline.
 */
export function createBenchFeeds(deps: Deps): BenchFeeds {
  const { scenario, runId, baseUrl } = deps;
  const names = Array.from({ length: scenario.feedCount }, (_, index) => `bench-${index + 1}`);
  const known = new Set(names);
  const fragments = Array.from({ length: scenario.fragments }, () => prerender(deps));
  const year = deps.now().getUTCFullYear();
  let sequence = 0;

  const render = (name: string, format: string): string => {
    const base = baseUrl();
    const updated = deps.now();
    const pubDate = updated.toUTCString();
    const iso = updated.toISOString();
    const parts: string[] = [];
    for (let index = 0; index < scenario.itemsPerFetch; index += 1) {
      sequence += 1;
      const fragment = fragments[sequence % fragments.length]!;
      const id = `${runId}-${sequence}`;
      const guid = `tag:${BENCH_HOST},${year}:${name}/${id}`;
      const link = `https://${BENCH_HOST}/${name}/${id}`;
      parts.push(
        format === 'atom'
          ? `<entry><id>${guid}</id>${fragment.atomHead}<link rel="alternate" type="text/html" href="${link}"/><published>${iso}</published><updated>${iso}</updated>${fragment.atomBody}</entry>\n`
          : `<item>${fragment.rss}<link>${link}</link><pubDate>${pubDate}</pubDate><guid isPermaLink="false">${guid}</guid></item>\n`,
      );
    }
    const self = `${base}/feeds/${name}.${format}`;
    return format === 'atom'
      ? `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${self}</id><title>Benchmark ${name}</title><updated>${iso}</updated><link rel="self" href="${self}"/>\n${parts.join('')}</feed>\n`
      : `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Benchmark ${name}</title><link>https://${BENCH_HOST}/${name}</link><description>Fresh items on every fetch</description><lastBuildDate>${pubDate}</lastBuildDate>\n${parts.join('')}</channel></rss>\n`;
  };

  return {
    list: () =>
      names.map((name) => ({
        name,
        kind: 'rss' as const,
        url: `${baseUrl()}/feeds/${name}.rss`,
        isQueryFeed: true,
      })),
    served: () => sequence,
    serve(context) {
      const [name = '', format = 'rss'] = context.params;
      if (!known.has(name)) {
        throw new HttpError(404, 'unknown_feed', `there is no feed called "${name}"`);
      }
      // No validators on purpose: a conditional request must never short-circuit the benchmark.
      sendBody(context, 200, render(name, format), {
        'Content-Type': format === 'atom' ? CONTENT_TYPES.atom : CONTENT_TYPES.rss,
        'Cache-Control': 'no-store',
      });
    },
  };
}

function prerender({ scenario, random }: Deps): Fragment {
  const composed = composeItem(scenario.content, random.weighted(scenario.mix), 'social', random);
  return {
    rss: `${element('title', composed.title)}<dc:creator>${cdata(composed.author)}</dc:creator>${element('description', composed.text)}<content:encoded>${cdata(composed.html)}</content:encoded>`,
    atomHead: element('title', composed.title, ' type="text"'),
    atomBody: `<author>${element('name', composed.author)}</author>${element('summary', composed.text, ' type="text"')}${element('content', composed.html, ' type="html"')}`,
  };
}
