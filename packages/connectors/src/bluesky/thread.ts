import type { NormalizedMention } from '@barometer/core';
import { type BlueskyApi, xrpcGet } from './client.ts';
import { postViewToMention } from './map-post.ts';
import { GetPostThreadOutput, type ThreadNode } from './schema.ts';

export const THREAD_LIMITS = { depth: 6, parentHeight: 40, posts: 300 };

/** getPostThread flattened: ancestors up to the root, the post, its replies; gaps skipped. */
export async function fetchBlueskyThread(
  api: BlueskyApi,
  uri: string,
): Promise<NormalizedMention[]> {
  const params = new URLSearchParams({
    uri,
    depth: String(THREAD_LIMITS.depth),
    parentHeight: String(THREAD_LIMITS.parentHeight),
  });
  const { thread } = await xrpcGet(
    api,
    'app.bsky.feed.getPostThread',
    params,
    GetPostThreadOutput,
    'the conversation',
  );
  const out: NormalizedMention[] = [];
  const ancestors: NormalizedMention[] = [];
  for (let node = parentOf(thread); node; node = parentOf(node)) {
    if (isPost(node)) ancestors.unshift(postViewToMention(node.post));
  }
  out.push(...ancestors);
  const walk = (node: ThreadNode) => {
    if (!isPost(node) || out.length >= THREAD_LIMITS.posts) return;
    out.push(postViewToMention(node.post));
    for (const reply of node.replies ?? []) walk(reply);
  };
  walk(thread);
  return out;
}

type PostNode = Extract<ThreadNode, { post: unknown }>;

function isPost(node: ThreadNode): node is PostNode {
  return node.$type === 'app.bsky.feed.defs#threadViewPost' && 'post' in node;
}

function parentOf(node: ThreadNode): ThreadNode | undefined {
  return isPost(node) ? node.parent : undefined;
}
