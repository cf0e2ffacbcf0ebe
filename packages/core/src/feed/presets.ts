import type { SourcePreset } from '../contracts/api.ts';
import type { TrustProfile } from '../trust-profile.ts';

/**
 * The common query feeds a comms team adds, built from the trust profile (sources.md §2).
 * Where the profile cannot supply a value (a YouTube channel id, a Google Alerts feed id, a
 * WordPress post), the preset URL carries an UPPER_CASE placeholder and the description says
 * what to paste.
 */
export function buildSourcePresets(profile: TrustProfile): SourcePreset[] {
  const names = [profile.name, ...(profile.aliases ?? [])].map((n) => n.trim()).filter(Boolean);
  const quoted = names.slice(0, 5).map((n) => `"${n.replaceAll('"', '')}"`);
  const query = quoted.join(' OR ');
  const presets: SourcePreset[] = [
    {
      id: 'google-news',
      label: 'Google News search',
      description: `News articles from the last week matching ${quoted.join(', ')} (UK edition).`,
      name: `Google News: ${profile.name}`,
      url: googleNewsSearchUrl(`${query} when:7d`),
      isQueryFeed: true,
    },
    {
      id: 'google-alerts',
      label: 'Google Alerts',
      description:
        'Create an alert at google.com/alerts with "Deliver to: RSS feed", then paste its feed URL here (https://www.google.com/alerts/feeds/USER_ID/ALERT_ID).',
      name: `Google Alerts: ${profile.name}`,
      url: 'https://www.google.com/alerts/feeds/USER_ID/ALERT_ID',
      isQueryFeed: true,
    },
    {
      id: 'reddit-search',
      label: 'Reddit search',
      description: `New Reddit posts matching ${quoted.join(', ')}. Reddit limits feed readers to about one request a minute.`,
      name: `Reddit: ${profile.name}`,
      url: redditSearchUrl(query),
      isQueryFeed: true,
    },
  ];
  for (const tag of unique((profile.hashtags ?? []).map((h) => h.replace(/^#/, '')))) {
    presets.push({
      id: `mastodon-tag-${tag.toLowerCase()}`,
      label: `Mastodon #${tag}`,
      description: `Public posts tagged #${tag} that mastodon.social has seen. Add other instances by changing the host.`,
      name: `Mastodon #${tag}`,
      url: mastodonTagUrl('mastodon.social', tag),
      isQueryFeed: true,
    });
  }
  for (const handle of unique((profile.handles ?? []).map((h) => h.replace(/^@/, '')))) {
    if (!handle.includes('.')) continue; // Bluesky handles are domain names
    presets.push({
      id: `bluesky-${handle.toLowerCase()}`,
      label: `Bluesky @${handle}`,
      description: `Posts by @${handle} on Bluesky (their own posts, not replies).`,
      name: `Bluesky @${handle}`,
      url: blueskyProfileUrl(handle),
      isQueryFeed: true,
    });
  }
  for (const site of unique(profile.sites ?? [])) {
    const host = site.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    presets.push({
      id: `wordpress-comments-${host.toLowerCase()}`,
      label: `Comments on ${host}`,
      description: `Comments and pingbacks on ${host} (WordPress). For one post, use the post's address followed by /feed/.`,
      name: `Comments: ${host}`,
      url: `https://${host}/comments/feed/`,
      isQueryFeed: true,
    });
  }
  presets.push({
    id: 'youtube-channel',
    label: 'YouTube channel',
    description:
      "New videos on a channel. Replace CHANNEL_ID with the channel's id (starts with UC, shown in the channel's page source or share link).",
    name: `YouTube: ${profile.name}`,
    url: youtubeChannelFeedUrl('CHANNEL_ID'),
    isQueryFeed: true,
  });
  return presets;
}

export function googleNewsSearchUrl(query: string): string {
  const params = new URLSearchParams({ q: query, hl: 'en-GB', gl: 'GB', ceid: 'GB:en' });
  return `https://news.google.com/rss/search?${params.toString().replaceAll('+', '%20')}`;
}

export function redditSearchUrl(query: string): string {
  const params = new URLSearchParams({ q: query, sort: 'new' });
  return `https://www.reddit.com/search.rss?${params.toString().replaceAll('+', '%20')}`;
}

export function mastodonTagUrl(instance: string, tag: string): string {
  return `https://${instance}/tags/${encodeURIComponent(tag.replace(/^#/, ''))}.rss`;
}

export function blueskyProfileUrl(handle: string): string {
  return `https://bsky.app/profile/${encodeURIComponent(handle.replace(/^@/, ''))}/rss`;
}

/** WordPress per-post comment feed: the post URL with /feed/ appended. */
export function wordpressCommentsFeedUrl(postUrl: string): string {
  const url = new URL(postUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/feed/`;
  return url.href;
}

/** Channel ids start UC; playlist ids (UULF no Shorts, UUSH Shorts, UULV live) use playlist_id. */
export function youtubeChannelFeedUrl(id: string): string {
  const key = /^UU(LF|SH|LV)?/.test(id) || id.startsWith('PL') ? 'playlist_id' : 'channel_id';
  return `https://www.youtube.com/feeds/videos.xml?${key}=${encodeURIComponent(id)}`;
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
