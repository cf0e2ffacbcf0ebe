import { describe, expect, test } from 'vitest';
import { TrustProfile } from '../trust-profile.ts';
import {
  buildSourcePresets,
  googleNewsSearchUrl,
  wordpressCommentsFeedUrl,
  youtubeChannelFeedUrl,
} from './presets.ts';

const profile = TrustProfile.parse({
  name: 'Northshire Hospitals',
  aliases: ['Northshire General'],
  handles: ['@NorthshireNHS', 'northshirehospitals.bsky.social'],
  hashtags: ['#NorthshireNHS'],
  sites: ['northshire.nhs.uk'],
});

describe('presets', () => {
  test('offers every common query feed built from the profile', () => {
    const presets = buildSourcePresets(profile);
    expect(presets.map((p) => p.id)).toEqual([
      'google-news',
      'google-alerts',
      'reddit-search',
      'mastodon-tag-northshirenhs',
      'bluesky-northshirehospitals.bsky.social',
      'wordpress-comments-northshire.nhs.uk',
      'youtube-channel',
    ]);
    expect(presets.every((p) => p.isQueryFeed)).toBe(true);
    const byId = Object.fromEntries(presets.map((p) => [p.id, p.url]));
    expect(byId['google-news']).toBe(
      'https://news.google.com/rss/search?q=%22Northshire%20Hospitals%22%20OR%20%22Northshire%20General%22%20when%3A7d&hl=en-GB&gl=GB&ceid=GB%3Aen',
    );
    expect(byId['reddit-search']).toBe(
      'https://www.reddit.com/search.rss?q=%22Northshire%20Hospitals%22%20OR%20%22Northshire%20General%22&sort=new',
    );
    expect(byId['mastodon-tag-northshirenhs']).toBe(
      'https://mastodon.social/tags/NorthshireNHS.rss',
    );
    expect(byId['bluesky-northshirehospitals.bsky.social']).toBe(
      'https://bsky.app/profile/northshirehospitals.bsky.social/rss',
    );
  });

  test('URL builders', () => {
    expect(googleNewsSearchUrl('a b')).toContain('q=a%20b');
    expect(wordpressCommentsFeedUrl('https://news.example/2026/05/post')).toBe(
      'https://news.example/2026/05/post/feed/',
    );
    expect(youtubeChannelFeedUrl('UCabc')).toBe(
      'https://www.youtube.com/feeds/videos.xml?channel_id=UCabc',
    );
    expect(youtubeChannelFeedUrl('UULFabc')).toBe(
      'https://www.youtube.com/feeds/videos.xml?playlist_id=UULFabc',
    );
  });
});
