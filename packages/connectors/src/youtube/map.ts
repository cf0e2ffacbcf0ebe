import type { NormalizedMention } from '@barometer/core';
import { isoOrNull } from '../social/window.ts';
import type { YoutubeComment } from './schema.ts';

export const videoExternalId = (videoId: string) => `video:${videoId}`;

export function videoToMention(video: {
  videoId: string;
  title: string;
  description: string;
  channelTitle: string;
  channelId?: string | undefined;
  publishedAt: string;
}): NormalizedMention {
  return {
    externalId: videoExternalId(video.videoId),
    url: `https://www.youtube.com/watch?v=${encodeURIComponent(video.videoId)}`,
    author: video.channelTitle || null,
    authorId: video.channelId ?? null,
    title: video.title,
    text: video.description,
    html: null,
    publishedAt: isoOrNull(video.publishedAt),
    publishedRaw: video.publishedAt,
    parentExternalId: null,
    rootExternalId: null,
  };
}

/**
 * Threads are two levels: a top-level comment answers the video, a reply names the top-level
 * comment as `parentId` (a reply to a reply only shows it by an @handle in the text).
 */
export function commentToMention(
  comment: YoutubeComment,
  videoId: string | undefined,
): NormalizedMention {
  const s = comment.snippet;
  const video = videoId ?? s.videoId;
  const root = video ? videoExternalId(video) : null;
  return {
    externalId: comment.id,
    url: video
      ? `https://www.youtube.com/watch?v=${encodeURIComponent(video)}&lc=${encodeURIComponent(comment.id)}`
      : null,
    author: s.authorDisplayName || null,
    authorId: s.authorChannelId?.value ?? null,
    title: null,
    text: s.textOriginal ?? s.textDisplay ?? '',
    html: null,
    publishedAt: isoOrNull(s.publishedAt),
    publishedRaw: s.publishedAt,
    parentExternalId: s.parentId ?? root,
    rootExternalId: root,
  };
}
