import { z } from 'zod';

/** Placeholders a template may use; filled per item by text/compose.ts. */
export const SLOTS = [
  'trust',
  'alias',
  'hospital',
  'handle',
  'hashtag',
  'site',
  'ward',
  'first',
  'surname',
  'place',
  'phone',
  'nhsno',
  'n',
  'hours',
  'weeks',
] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (a URL slug)');

/** Only fictional `.example` hosts may appear, so no generated text points at a real site. */
const exampleHost = z
  .string()
  .regex(/^[a-z0-9.-]+\.example$/, 'must be a host under the reserved .example domain');

const exampleUrl = z.url().refine((value) => new URL(value).hostname.endsWith('.example'), {
  message: 'must be a URL under the reserved .example domain',
});

const slotPattern = /\{([a-z]+)\}/g;
const linkPattern = /\]\(([^)\s]+)\)/g;

/** Text uses a small markup: blank line = paragraph, **bold**, [label](url), {slot}. */
const templateText = z.string().superRefine((value, ctx) => {
  for (const [, slot] of value.matchAll(slotPattern)) {
    if (!(SLOTS as readonly string[]).includes(slot ?? '')) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown slot {${slot}}; known: ${SLOTS.join(', ')}`,
      });
    }
  }
  for (const [, url] of value.matchAll(linkPattern)) {
    const filled = (url ?? '').replace('{site}', 'https://site.example');
    if (!URL.canParse(filled) || !new URL(filled).hostname.endsWith('.example')) {
      ctx.addIssue({ code: 'custom', message: `link ${url} must use {site} or a .example host` });
    }
  }
});

export const Template = z.object({
  title: templateText.pipe(z.string().min(1).max(200)).optional(),
  text: templateText.pipe(z.string().min(1).max(3000)),
});
export type Template = z.infer<typeof Template>;

export const Pool = z.object({
  /** Whether every item from this pool names the trust (the relevance filter must keep it). */
  mentionsTrust: z.boolean(),
  items: z.array(Template).min(1),
});
export type Pool = z.infer<typeof Pool>;

export const Content = z.object({
  trust: z.object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).min(1),
    hospitals: z.array(z.string().min(1)).min(1),
    handles: z.array(z.string().regex(/^@\w+$/, 'must look like @Handle')).min(1),
    hashtags: z.array(z.string().regex(/^#\w+$/, 'must look like #Tag')).min(1),
    site: exampleHost,
    services: z.array(z.string().min(1)).min(1),
  }),
  people: z.object({
    firstNames: z.array(z.string().min(1)).min(1),
    surnames: z.array(z.string().min(1)).min(1),
    places: z.array(z.string().min(1)).min(1),
  }),
  pools: z.record(slug, Pool),
});
export type Content = z.infer<typeof Content>;

export const FeedStyle = z.enum(['news', 'social', 'blog', 'comments']);
export type FeedStyle = z.infer<typeof FeedStyle>;

export const FeedConfig = z.object({
  name: slug,
  title: z.string().min(1),
  description: z.string().min(1).optional(),
  kind: z.enum(['rss', 'atom']),
  style: FeedStyle,
  /** Query feeds (a search, a hashtag) only carry matches; the others mix in unrelated items. */
  isQueryFeed: z.boolean().default(false),
  /** Share of the scenario's rate that lands in this feed. */
  weight: z.number().min(0).default(1),
  link: exampleUrl,
  /** Pool name -> relative weight. */
  mix: z.record(slug, z.number().min(0)),
  /** Some real feeds (Mastodon tags, Bluesky) have no item titles in RSS. */
  titles: z.boolean().default(true),
  /** For style 'comments': the blog feed whose posts these comments reply to. */
  commentsOn: slug.optional(),
});
export type FeedConfig = z.infer<typeof FeedConfig>;

const contentRef = z.union([
  z.string().min(1).describe('path to a content file, relative to the scenario file'),
  Content,
]);

/** The fake social platforms: posts per minute across them, and the pools their posts use. */
export const SocialConfig = z.object({
  ratePerMinute: z.number().min(0).max(100_000).default(0),
  /** Share of new posts that answer a recent post on the same platform (threads grow). */
  replyShare: z.number().min(0).max(1).default(0.35),
  mix: z.record(slug, z.number().min(0)),
  /** Platform -> relative weight; a platform left out still answers, it just gets no posts. */
  platforms: z.record(
    z.enum(['mastodon', 'bluesky', 'reddit', 'youtube', 'careopinion']),
    z.number().min(0),
  ),
});
export type SocialConfig = z.infer<typeof SocialConfig>;

export const LiveScenarioFile = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  mode: z.literal('live'),
  ratePerMinute: z.number().min(0).max(1_000_000),
  content: contentRef,
  feeds: z.array(FeedConfig).min(1),
  social: SocialConfig.optional(),
});

export const BenchScenarioFile = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  mode: z.literal('bench'),
  feedCount: z.number().int().min(1).max(10_000).default(4),
  itemsPerFetch: z.number().int().min(1).max(1000).default(100),
  /** How many distinct texts to pre-render; fetches reuse them with fresh ids. */
  fragments: z.number().int().min(1).max(100_000).default(512),
  content: contentRef,
  mix: z.record(slug, z.number().min(0)),
});

export const ScenarioFile = z.discriminatedUnion('mode', [LiveScenarioFile, BenchScenarioFile]);

export type LiveScenario = Omit<z.infer<typeof LiveScenarioFile>, 'content'> & { content: Content };
export type BenchScenario = Omit<z.infer<typeof BenchScenarioFile>, 'content'> & {
  content: Content;
};
export type Scenario = LiveScenario | BenchScenario;
