import type { ThreadDto, ThreadPostDto } from '../contracts/threads.ts';

/** The figures a thread shows above its tree: who is speaking, how it leans, when it moved. */
export function summariseThread(
  posts: readonly ThreadPostDto[],
): Pick<ThreadDto, 'participants' | 'counts' | 'trustReplied' | 'firstActivity' | 'lastActivity'> {
  const authors = new Set(posts.map((p) => p.author).filter((a): a is string => !!a));
  const counts = { positive: 0, neutral: 0, negative: 0, unscored: 0 };
  for (const post of posts) counts[post.sentimentLabel ?? 'unscored'] += 1;
  const times = posts
    .map((p) => (p.publishedAt ? Date.parse(p.publishedAt) : Number.NaN))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  return {
    participants: authors.size,
    counts,
    trustReplied: posts.some((p) => p.isTrust && !p.isFocus),
    firstActivity: times.length > 0 ? new Date(times[0]!).toISOString() : null,
    lastActivity: times.length > 0 ? new Date(times.at(-1)!).toISOString() : null,
  };
}
