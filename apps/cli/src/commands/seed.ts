import { readFile } from 'node:fs/promises';
import {
  type SourceCreateBody,
  SourceCreateBody as SourceCreateSchema,
  TrustProfile,
} from '@barometer/core';
import { createDatabase, seedIfEmpty } from '@barometer/db';
import { z } from 'zod';
import { loadCliConfig } from '../config.ts';
import { demoTrustProfile } from '../demo/trust-profile.ts';

const SimulatorFeeds = z.object({
  feeds: z.array(z.object({ name: z.string(), url: z.string().url(), isQueryFeed: z.boolean() })),
});

const USAGE = `usage: barometer seed [--profile FILE] [--simulator-url URL]
  --profile FILE        the trust profile as JSON (name, aliases, handles, hashtags, sites,
                        taxonomy); without it, the demo trust (Northfield) is used
  --simulator-url URL   also add the simulator's feeds as sources (the demo)
Only an empty database is seeded: an existing profile or sources are left as they are.
`;

/** Reads and validates a trust profile file, naming the file and the fields at fault. */
async function readProfile(path: string): Promise<TrustProfile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `unable to read trust profile ${path}: ${error instanceof Error ? error.message : error}`,
    );
  }
  const parsed = TrustProfile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new Error(`invalid trust profile ${path}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The simulator's feed list, as sources polling every 30 s for a lively demo. */
async function simulatorSources(baseUrl: string): Promise<SourceCreateBody[]> {
  const response = await fetch(new URL('/control/feeds', baseUrl));
  if (!response.ok) throw new Error(`simulator at ${baseUrl} answered HTTP ${response.status}`);
  const body = SimulatorFeeds.parse(await response.json());
  const feeds = body.feeds.map((f) =>
    SourceCreateSchema.parse({
      kind: 'rss',
      name: f.name,
      url: f.url,
      isQueryFeed: f.isQueryFeed,
      pollIntervalSeconds: 30,
    }),
  );
  // The simulator's fake platforms beside the feeds: a Mastodon hashtag (no token needed) and the
  // Bluesky firehose (read live and matched against the trust profile).
  const base = new URL(baseUrl).origin;
  const social = [
    {
      kind: 'mastodon',
      name: 'Mastodon #NorthfieldGeneral',
      url: `${base}/mastodon`,
      query: '#NorthfieldGeneral',
      isQueryFeed: true,
    },
    {
      kind: 'jetstream',
      name: 'Bluesky (live stream)',
      url: `${base}/bsky`,
      query: null,
      isQueryFeed: false,
    },
  ].map((s) => SourceCreateSchema.parse({ ...s, pollIntervalSeconds: 30 }));
  return [...feeds, ...social];
}

export async function run(args: string[]): Promise<number> {
  let simulatorUrl: string | undefined;
  let profilePath: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--simulator-url' && args[i + 1]) simulatorUrl = args[++i];
    else if (args[i] === '--profile' && args[i + 1]) profilePath = args[++i];
    else {
      process.stderr.write(USAGE);
      return 2;
    }
  }
  const profile = profilePath ? await readProfile(profilePath) : demoTrustProfile;
  const sources = simulatorUrl ? await simulatorSources(simulatorUrl) : [];
  const config = loadCliConfig();
  const database = createDatabase(config.DATABASE_URL, { max: 2 });
  try {
    const result = await seedIfEmpty(database.pool, profile, sources);
    process.stdout.write(
      `${result.profileCreated ? `created the trust profile for ${profile.name}` : 'trust profile already present'}; ` +
        `${result.sourcesCreated ? `created ${result.sourcesCreated} sources` : 'sources already present (left as they are)'}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
