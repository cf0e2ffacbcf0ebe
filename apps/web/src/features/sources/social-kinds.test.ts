import { describe, expect, test } from 'vitest';
import { socialSourceBody } from './social-kinds.ts';

describe('socialSourceBody', () => {
  test('fills the platform address and a name from the query when they are left empty', () => {
    expect(
      socialSourceBody({
        kind: 'mastodon',
        name: '',
        url: '',
        query: ' #NorthfieldGeneral ',
        pollIntervalSeconds: '300',
      }),
    ).toEqual({
      kind: 'mastodon',
      name: 'Mastodon: #NorthfieldGeneral',
      url: 'https://mastodon.social',
      query: '#NorthfieldGeneral',
      isQueryFeed: true,
      pollIntervalSeconds: 300,
    });
  });

  test('the firehose keeps only what mentions the trust and takes no query', () => {
    const body = socialSourceBody({
      kind: 'jetstream',
      name: 'Bluesky',
      url: '',
      query: 'ignored',
      pollIntervalSeconds: '',
    });
    expect(body).toMatchObject({ isQueryFeed: false, query: null });
    expect(body).not.toHaveProperty('pollIntervalSeconds');
  });
});
