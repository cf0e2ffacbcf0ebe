import { HOUR_MS } from '../hours.ts';
import { authorKey } from '../series.ts';
import { bandKeys, estimatedJaccard, minhashSignature } from './minhash.ts';
import { shingleHashes, storyWords } from './shingles.ts';

/** What story clustering needs of a mention. */
export interface StoryInput {
  id: string;
  sourceId: string;
  author: string | null;
  text: string;
  /** Milliseconds since the epoch. */
  time: number;
}

export const STORY_POLICY = {
  /** Estimated Jaccard similarity of character shingles from which two posts tell one story. */
  similarity: 0.5,
  /** A post joins a story only if a member was seen within this many hours of it. */
  windowHours: 72,
  /** Posts with fewer words than this are their own story ("Thanks!" is not news). */
  minWords: 4,
} as const;

interface Member {
  mentionId: string;
  storyId: string;
  time: number;
  signature: Int32Array;
}

/**
 * Candidate near-duplicates by LSH band, kept for the story window. Mutable, but pure in the
 * sense that matters: no I/O, and the same mentions in the same order give the same stories.
 */
export interface StoryIndex {
  buckets: Map<string, Member[]>;
  newest: number;
}

export function createStoryIndex(): StoryIndex {
  return { buckets: new Map(), newest: Number.NEGATIVE_INFINITY };
}

/**
 * The story a mention belongs to: the story of its most similar recent post if that is close
 * enough, else a new story named by the mention's own id. Feed mentions in time order.
 */
export function assignStory(
  index: StoryIndex,
  mention: StoryInput,
  policy: typeof STORY_POLICY = STORY_POLICY,
): string {
  index.newest = Math.max(index.newest, mention.time);
  if (storyWords(mention.text).length < policy.minWords) return mention.id;
  const signature = minhashSignature(shingleHashes(mention.text));
  const keys = bandKeys(signature);
  const window = policy.windowHours * HOUR_MS;
  let best: Member | null = null;
  let bestSimilarity: number = policy.similarity;
  for (const key of keys) {
    for (const m of index.buckets.get(key) ?? []) {
      if (Math.abs(m.time - mention.time) > window) continue;
      const similarity = estimatedJaccard(signature, m.signature);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && best === null)) {
        best = m;
        bestSimilarity = similarity;
      }
    }
  }
  const storyId = best?.storyId ?? mention.id;
  const member: Member = { mentionId: mention.id, storyId, time: mention.time, signature };
  for (const key of keys) {
    const bucket = index.buckets.get(key);
    if (bucket) bucket.push(member);
    else index.buckets.set(key, [member]);
  }
  return storyId;
}

/**
 * Adds a post whose story is already known (stored earlier), so later posts can join it. The
 * index is rebuilt this way from storage at each run: the same posts give the same stories.
 */
export function rememberStory(index: StoryIndex, mention: StoryInput, storyId: string): void {
  index.newest = Math.max(index.newest, mention.time);
  if (storyWords(mention.text).length < STORY_POLICY.minWords) return;
  const signature = minhashSignature(shingleHashes(mention.text));
  const member: Member = { mentionId: mention.id, storyId, time: mention.time, signature };
  for (const key of bandKeys(signature)) {
    const bucket = index.buckets.get(key);
    if (bucket) bucket.push(member);
    else index.buckets.set(key, [member]);
  }
}

/** Forgets posts too old to join a story any more (call now and then to bound memory). */
export function pruneStoryIndex(index: StoryIndex, policy: typeof STORY_POLICY = STORY_POLICY) {
  const cutoff = index.newest - policy.windowHours * HOUR_MS;
  for (const [key, bucket] of index.buckets) {
    const kept = bucket.filter((m) => m.time >= cutoff);
    if (kept.length === 0) index.buckets.delete(key);
    else if (kept.length !== bucket.length) index.buckets.set(key, kept);
  }
}

/** Story ids for a batch of mentions (sorted by time first, so the result does not depend on order). */
export function clusterStories(
  mentions: readonly StoryInput[],
  policy: typeof STORY_POLICY = STORY_POLICY,
): Map<string, string> {
  const index = createStoryIndex();
  const sorted = [...mentions].sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
  const out = new Map<string, string>();
  for (const m of sorted) out.set(m.id, assignStory(index, m, policy));
  return out;
}

export interface StorySummary {
  storyId: string;
  /** The first post's opening words, for the inbox and the explanation. */
  label: string;
  mentionIds: string[];
  /** A feed repeating the story counts once. */
  mentions: number;
  sources: number;
  authors: number;
  firstTime: number;
  lastTime: number;
}

/** One row per story: "also in 3 sources", counting stories and distinct authors, not copies. */
export function summariseStories(
  mentions: readonly StoryInput[],
  storyOf: ReadonlyMap<string, string>,
): StorySummary[] {
  const groups = new Map<string, StoryInput[]>();
  for (const m of mentions) {
    const id = storyOf.get(m.id) ?? m.id;
    const group = groups.get(id);
    if (group) group.push(m);
    else groups.set(id, [m]);
  }
  return [...groups.entries()].map(([storyId, members]) => {
    const sorted = [...members].sort((a, b) => a.time - b.time);
    return {
      storyId,
      label: storyLabel(sorted[0]!.text),
      mentionIds: sorted.map((m) => m.id),
      mentions: new Set(sorted.map((m) => itemKey(m, storyId))).size,
      sources: new Set(sorted.map((m) => m.sourceId)).size,
      authors: new Set(sorted.map(authorKey)).size,
      firstTime: sorted[0]!.time,
      lastTime: sorted[sorted.length - 1]!.time,
    };
  });
}

/** Counts for detection and reports: stories and distinct voices, never copies. */
export function storyCounts(
  mentions: readonly StoryInput[],
  storyOf: ReadonlyMap<string, string>,
): { mentions: number; items: number; stories: number; authors: number } {
  const items = new Set<string>();
  const stories = new Set<string>();
  const authors = new Set<string>();
  for (const m of mentions) {
    const story = storyOf.get(m.id) ?? m.id;
    items.add(itemKey(m, story));
    stories.add(story);
    authors.add(authorKey(m));
  }
  return {
    mentions: mentions.length,
    items: items.size,
    stories: stories.size,
    authors: authors.size,
  };
}

/**
 * One item per feed, voice and story: a feed re-publishing its story under a new id is one
 * item, while different people posting it through one search source are several.
 */
export function itemKey(m: Pick<StoryInput, 'sourceId' | 'author'>, storyId: string): string {
  return `${m.sourceId}|${authorKey(m)}|${storyId}`;
}

export function storyLabel(text: string, words = 12): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  return all.length <= words ? all.join(' ') : `${all.slice(0, words).join(' ')}…`;
}
