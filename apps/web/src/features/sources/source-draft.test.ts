import { expect, test } from 'vitest';
import { ApiError } from '../../lib/api-client.ts';
import { checkSourceDraft, EMPTY_DRAFT, sourceFormErrors } from './source-draft.ts';

const good = {
  name: 'Local news',
  url: 'https://news.example/feed',
  isQueryFeed: false,
  minutes: '5',
};

test('a complete draft becomes the body the API takes, the interval in seconds', () => {
  expect(checkSourceDraft({ ...good, name: '  Local news ', minutes: '0.5' })).toEqual({
    ok: true,
    body: {
      kind: 'rss',
      name: 'Local news',
      url: 'https://news.example/feed',
      isQueryFeed: false,
      pollIntervalSeconds: 30,
      enabled: true,
      query: null,
    },
  });
});

test('every problem of an empty draft is named at once, in words for people', () => {
  const check = checkSourceDraft({ ...EMPTY_DRAFT, minutes: '' });
  expect(check).toEqual({
    ok: false,
    errors: {
      fields: {
        name: 'Give the source a name',
        url: 'Enter the address of the feed or page',
        minutes: 'Enter how often to check, in minutes',
      },
      general: null,
    },
  });
});

test('an address that is not a web address, or still holds a preset placeholder, is refused', () => {
  const bare = checkSourceDraft({ ...good, url: 'news.example/feed' });
  expect(bare.ok === false && bare.errors.fields.url).toMatch(/starting with https/);
  const preset = checkSourceDraft({
    ...good,
    url: 'https://www.youtube.com/feeds?channel_id=CHANNEL_ID',
  });
  expect(preset.ok === false && preset.errors.fields.url).toMatch(/placeholder/);
});

test('the API refusing the interval is shown beside the minutes field', () => {
  const error = new ApiError(400, 'validation_error', 'Check the request body: ...', {
    pollIntervalSeconds: 'Check at most every half minute',
  });
  expect(sourceFormErrors(error)).toEqual({
    fields: { minutes: 'Check at most every half minute' },
    general: null,
  });
});

test('a duplicate address is shown beside the address field', () => {
  const message = 'This address is already added as "Gazette"';
  const error = new ApiError(409, 'duplicate_source', message, { url: message });
  expect(sourceFormErrors(error)).toEqual({ fields: { url: message }, general: null });
});
