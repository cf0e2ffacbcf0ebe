import type { SourceCreateBody, SourceKind } from '@barometer/core';

export type SocialKind = Exclude<SourceKind, 'rss'>;

export interface SocialKindInfo {
  label: string;
  /** Where the platform's API lives unless the trust runs its own (a Mastodon instance). */
  defaultUrl: string;
  queryLabel: string | null;
  queryHint: string;
  credentialLabel: string;
  credentialHint: string;
  /** Whether it cannot read anything without a credential. */
  needsCredential: boolean;
}

/** What a person needs to know to add each platform, in plain words. */
export const SOCIAL_KINDS: Record<SocialKind, SocialKindInfo> = {
  mastodon: {
    label: 'Mastodon',
    defaultUrl: 'https://mastodon.social',
    queryLabel: 'What to read',
    queryHint:
      'A #hashtag (no token needed), @mentions of the trust account, or search words (token needed)',
    credentialLabel: 'Access token',
    credentialHint: 'Needed for search, mentions and the live stream',
    needsCredential: false,
  },
  bluesky: {
    label: 'Bluesky search',
    defaultUrl: 'https://bsky.social',
    queryLabel: 'Search words',
    queryHint: 'For example "Northfield General"',
    credentialLabel: 'Handle and app password',
    credentialHint: 'As handle:app-password (make an app password in Bluesky settings)',
    needsCredential: true,
  },
  jetstream: {
    label: 'Bluesky live stream (Jetstream)',
    defaultUrl: 'https://jetstream2.us-east.bsky.network',
    queryLabel: null,
    queryHint: 'Every public post is read and matched against the trust profile',
    credentialLabel: '',
    credentialHint: '',
    needsCredential: false,
  },
  reddit: {
    label: 'Reddit',
    defaultUrl: 'https://www.reddit.com',
    queryLabel: 'Search',
    queryHint: 'Search words, or r/subreddit followed by words to search one subreddit',
    credentialLabel: 'App id and secret',
    credentialHint: 'As client_id:client_secret from an approved Reddit app',
    needsCredential: true,
  },
  youtube: {
    label: 'YouTube',
    defaultUrl: 'https://www.googleapis.com',
    queryLabel: 'What to read',
    queryHint: 'Search words for videos, and/or channel:UC… for every comment on a channel',
    credentialLabel: 'API key',
    credentialHint: 'A YouTube Data API v3 key (10,000 units a day)',
    needsCredential: true,
  },
  careopinion: {
    label: 'Care Opinion',
    defaultUrl: 'https://www.careopinion.org.uk',
    queryLabel: null,
    queryHint: 'Stories about the trust in your subscription',
    credentialLabel: 'Subscription key',
    credentialHint: 'From your Care Opinion subscription (admins only)',
    needsCredential: true,
  },
};

export interface SocialDraft {
  kind: SocialKind;
  name: string;
  url: string;
  query: string;
  pollIntervalSeconds: string;
}

/** What the API is sent: social sources keep what they find (the query already chose it). */
export function socialSourceBody(
  draft: SocialDraft,
): Partial<SourceCreateBody> & { name: string; url: string } {
  const interval = Number(draft.pollIntervalSeconds);
  const info = SOCIAL_KINDS[draft.kind];
  return {
    kind: draft.kind,
    name:
      draft.name.trim() || `${info.label}${draft.query.trim() ? `: ${draft.query.trim()}` : ''}`,
    url: draft.url.trim() || info.defaultUrl,
    query: info.queryLabel && draft.query.trim() ? draft.query.trim() : null,
    // Jetstream carries the whole network: only what mentions the trust is kept.
    isQueryFeed: draft.kind !== 'jetstream',
    ...(Number.isFinite(interval) && interval > 0 ? { pollIntervalSeconds: interval } : {}),
  };
}
