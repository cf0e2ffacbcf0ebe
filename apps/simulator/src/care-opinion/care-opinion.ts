import { sendBody } from '../http/respond.ts';
import type { RequestContext, Route } from '../http/route.ts';
import { type PlatformDeps, recordAndFault, sendApiJson } from '../social/platform-http.ts';
import type { PostInput } from '../social/post-input.ts';
import { createSocialWorld, type SocialPost, type SocialWorld } from '../social/world.ts';

export const CARE_OPINION_KEY = 'sim-careopinion-key';
const PER_SECOND = 5;
const CRITICALITY = [
  'not critical',
  'minimally critical',
  'mildly critical',
  'moderately critical',
  'strongly critical',
  'severely critical',
];

export type CareOpinionFake = {
  world: SocialWorld;
  routes: Route[];
  /** A story (no parentId) or the organisation's response to one (parentId: the story). */
  post(input: PostInput & { criticality?: string }): SocialPost;
  /** Mix the stray "Sorry! Something went wrong." string into the first page, as the real API can. */
  setGlitch(on: boolean): void;
};

export function createCareOpinionFake(deps: PlatformDeps): CareOpinionFake {
  const world = createSocialWorld('careopinion', (seq) => String(1_234_000 + seq), deps.now);
  const recent: number[] = [];
  let glitch = false;

  const api = (handle: (context: RequestContext) => void) => (context: RequestContext) => {
    if (recordAndFault(context, 'careopinion', deps)) return;
    const header = context.req.headers.authorization ?? '';
    const key =
      /^SUBSCRIPTION_KEY\s+(.+)$/i.exec(header)?.[1] ?? context.url.searchParams.get('key');
    if (key !== CARE_OPINION_KEY) {
      // The real API answers a bad key with a redirect to its login page, not a 401.
      const returnUrl = encodeURIComponent(`${context.url.pathname}${context.url.search}`);
      context.res.writeHead(302, {
        Location: `/careopinion/account/login?returnUrl=${returnUrl}`,
        'Content-Length': '0',
      });
      context.res.end();
      return;
    }
    const at = Date.now();
    while (recent.length > 0 && recent[0]! <= at - 1000) recent.shift();
    if (recent.length >= PER_SECOND)
      return sendApiJson(context, 429, { message: 'Too many requests' }, { 'Retry-After': '1' });
    recent.push(at);
    handle(context);
  };

  const renderOpinion = (story: SocialPost) => {
    const responses = world.replies(story.id);
    return {
      id: Number(story.id),
      title: story.title ?? '',
      body: story.text,
      dateOfSubmission: new Date(story.createdAt.getTime() - 3_600_000).toISOString(),
      dateOfPublication: story.createdAt.toISOString(),
      criticality: String(story.extra.criticality ?? 'mildly critical'),
      progress: responses.length > 0 ? 'The organisation has responded' : 'Published',
      author: story.author.displayName,
      links: [
        {
          rel: 'healthservice',
          id: 'RXX01',
          href: 'https://www.careopinion.org.uk/api/v2/healthservices/RXX01',
        },
        ...(responses.length > 0
          ? [
              {
                rel: 'responses',
                href: `https://www.careopinion.org.uk/api/v2/opinions/${story.id}/responses`,
              },
            ]
          : []),
      ],
    };
  };

  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/careopinion\/account\/login$/,
      handle: (context) =>
        sendBody(
          context,
          200,
          '<!doctype html><html><body><h1>Sign in to Care Opinion</h1></body></html>',
          { 'Content-Type': 'text/html; charset=utf-8' },
        ),
    },
    {
      method: 'GET',
      path: /^\/careopinion\/api\/v2\/opinions$/,
      handle: api((context) => {
        const params = context.url.searchParams;
        const take = Math.min(100, Number(params.get('take') ?? 20) || 20);
        const skip = Number(params.get('skip') ?? 0) || 0;
        const after = Date.parse(params.get('publishedafter') ?? '');
        const stories = world
          .list()
          .filter((p) => !p.parentId)
          .filter((p) => !Number.isFinite(after) || p.createdAt.getTime() > after)
          .reverse(); // oldest first by publication
        const page: unknown[] = stories.slice(skip, skip + take).map(renderOpinion);
        if (glitch && skip === 0 && page.length > 0)
          page.splice(1, 0, 'Sorry! Something went wrong.');
        sendApiJson(context, 200, page);
      }),
    },
    {
      method: 'GET',
      path: /^\/careopinion\/api\/v2\/opinions\/(\d+)\/responses$/,
      handle: api((context) => {
        const story = world.find(context.params[0]!);
        if (!story || story.parentId) return sendApiJson(context, 404, { message: 'Not found' });
        sendApiJson(
          context,
          200,
          world.replies(story.id).map((r) => ({
            id: Number(r.id),
            body: r.text,
            dateOfPublication: r.createdAt.toISOString(),
            responder: r.author.displayName,
            organisation: 'Northfield and District NHS Foundation Trust',
            changeScore: r.extra.changed ? 'Change planned' : 'No change needed',
            changeInt: r.extra.changed ? 2 : 0,
          })),
        );
      }),
    },
  ];

  return {
    world,
    routes,
    post(input) {
      return world.add({
        author: input.author,
        text: input.text,
        html: input.html,
        ...(input.parentId
          ? { parentId: input.parentId }
          : { title: input.title ?? input.text.slice(0, 80) }),
        extra: { criticality: input.criticality ?? CRITICALITY[(input.text.length % 5) + 1]! },
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      });
    },
    setGlitch(on) {
      glitch = on;
    },
  };
}
