import { type SourceCreateBody, SourceCreateBody as SourceCreateSchema } from '@barometer/core';
import { createDatabase, seedIfEmpty } from '@barometer/db';
import { z } from 'zod';
import { loadCliConfig } from '../config.ts';
import { demoTrustProfile } from '../demo/trust-profile.ts';

const SimulatorFeeds = z.object({
  feeds: z.array(z.object({ name: z.string(), url: z.string().url(), isQueryFeed: z.boolean() })),
});

const USAGE = 'usage: barometer seed [--simulator-url URL]\n';

/** The simulator's feed list, as sources polling every 30 s for a lively demo. */
async function simulatorSources(baseUrl: string): Promise<SourceCreateBody[]> {
  const response = await fetch(new URL('/control/feeds', baseUrl));
  if (!response.ok) throw new Error(`simulator at ${baseUrl} answered HTTP ${response.status}`);
  const body = SimulatorFeeds.parse(await response.json());
  return body.feeds.map((f) =>
    SourceCreateSchema.parse({
      kind: 'rss',
      name: f.name,
      url: f.url,
      isQueryFeed: f.isQueryFeed,
      pollIntervalSeconds: 30,
    }),
  );
}

export async function run(args: string[]): Promise<number> {
  let simulatorUrl: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--simulator-url' && args[i + 1]) simulatorUrl = args[++i];
    else {
      process.stderr.write(USAGE);
      return 2;
    }
  }
  const sources = simulatorUrl ? await simulatorSources(simulatorUrl) : [];
  const config = loadCliConfig();
  const database = createDatabase(config.DATABASE_URL, { max: 2 });
  try {
    const result = await seedIfEmpty(database.db, demoTrustProfile, sources);
    process.stdout.write(
      `${result.profileCreated ? 'created the demo trust profile' : 'trust profile already present'}; ` +
        `${result.sourcesCreated ? `created ${result.sourcesCreated} sources` : 'sources already present (left as they are)'}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
