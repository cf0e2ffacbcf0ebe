import type { Random } from '../random.ts';
import type { Content } from '../scenario/schema.ts';
import { composeItem } from '../text/compose.ts';
import type { SocialAuthor } from './world.ts';

export type GeneratedPost = {
  author: SocialAuthor;
  text: string;
  html: string;
  title: string;
  pool: string;
};

/** A post from the scenario's pools, with a stable author identity per handle. */
export function generatePost(
  content: Content,
  random: Random,
  mix: Record<string, number>,
  tagBase: string,
): GeneratedPost {
  const pool = random.weighted(mix);
  const composed = composeItem(content, pool, 'social', random, { tagBase });
  return {
    author: authorFrom(composed.author),
    text: composed.text,
    html: composed.html,
    title: composed.title,
    pool,
  };
}

export function authorFrom(handle: string): SocialAuthor {
  const clean = handle.replace(/^@/, '');
  let hash = 0;
  for (const char of clean) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { id: String(109_000_000_000_000_000n + BigInt(hash)), handle: clean, displayName: clean };
}
