import type { NormalizedMention } from '@barometer/core';
import { sanitiseHtml } from '../sanitise/sanitise-html.ts';
import { isoOrNull } from '../social/window.ts';
import type { Facet, PostRecord, PostView } from './schema.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** at://did/app.bsky.feed.post/rkey -> the web address people open. */
export function postWebUrl(uri: string, handleOrDid?: string): string | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri);
  if (!match) return null;
  return `https://bsky.app/profile/${encodeURIComponent(handleOrDid ?? match[1]!)}/post/${encodeURIComponent(match[2]!)}`;
}

export function postUri(did: string, rkey: string): string {
  return `at://${did}/app.bsky.feed.post/${rkey}`;
}

/**
 * Text with its facets: links, mentions and tags become anchors in the HTML (facet offsets are
 * UTF-8 byte offsets, not string indexes). Link text in a post is often shortened
 * ("example.com/long…"), so full link targets missing from the text are added on their own
 * line for matching and for the reader.
 */
export function renderRichText(
  text: string,
  facets: readonly Facet[] = [],
): { text: string; html: string } {
  const bytes = encoder.encode(text);
  const ordered = facets
    .filter((f) => f.index.byteStart < f.index.byteEnd && f.index.byteEnd <= bytes.length)
    .sort((a, b) => a.index.byteStart - b.index.byteStart);
  let html = '';
  let at = 0;
  const links: string[] = [];
  for (const facet of ordered) {
    if (facet.index.byteStart < at) continue; // overlapping facets: keep the first
    html += escapeHtml(decoder.decode(bytes.slice(at, facet.index.byteStart)));
    const label = escapeHtml(
      decoder.decode(bytes.slice(facet.index.byteStart, facet.index.byteEnd)),
    );
    const href = hrefOf(facet);
    html += href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    if (href && facet.features.some((f) => f.$type === 'app.bsky.richtext.facet#link'))
      links.push(href);
    at = facet.index.byteEnd;
  }
  html += escapeHtml(decoder.decode(bytes.slice(at)));
  const missing = links.filter((link) => !text.includes(link));
  const fullText = missing.length > 0 ? `${text}\n${missing.join('\n')}` : text;
  return { text: fullText, html: `<p>${html.replace(/\n/g, '<br>')}</p>` };
}

function hrefOf(facet: Facet): string | null {
  for (const feature of facet.features) {
    if ('uri' in feature && typeof feature.uri === 'string') return feature.uri;
    if ('did' in feature && typeof feature.did === 'string')
      return `https://bsky.app/profile/${feature.did}`;
    if ('tag' in feature && typeof feature.tag === 'string')
      return `https://bsky.app/hashtag/${encodeURIComponent(feature.tag)}`;
  }
  return null;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A post record as a mention; reply refs give parent and root directly. */
export function recordToMention(
  uri: string,
  record: PostRecord,
  author: { did: string; handle?: string | undefined },
): NormalizedMention {
  const rich = renderRichText(record.text, record.facets);
  const url = postWebUrl(uri, author.handle);
  const { html } = sanitiseHtml(rich.html, url);
  return {
    externalId: uri,
    url,
    author: author.handle ? `@${author.handle}` : author.did,
    authorId: author.did,
    title: null,
    text: rich.text,
    html: html || null,
    publishedAt: isoOrNull(record.createdAt),
    publishedRaw: record.createdAt,
    parentExternalId: record.reply?.parent.uri ?? null,
    rootExternalId: record.reply?.root.uri ?? null,
  };
}

export function postViewToMention(post: PostView): NormalizedMention {
  return recordToMention(post.uri, post.record, post.author);
}
