import { expect, test } from 'vitest';
import { healthLabel, outageMessage, plainError } from './source-health.ts';

test('known connector errors read as plain sentences', () => {
  expect(plainError('host not found')).toBe('The web address does not exist (host not found).');
  expect(plainError('HTTP 404')).toBe('The feed address was not found (HTTP 404).');
  expect(plainError('HTTP 503')).toMatch(/server error/);
  expect(plainError('HTTP 410: the feed is gone')).toMatch(/removed for good/);
});

test('no error gives nothing and an unknown error is shown as it is', () => {
  expect(plainError(null)).toBeNull();
  expect(plainError('')).toBeNull();
  expect(plainError('unexpected error while polling')).toBe('unexpected error while polling');
});

test('during an outage every row reads "Unknown (outage)" instead of its last known health', () => {
  expect(healthLabel('healthy', false)).toEqual({ label: 'Healthy', className: 'status-healthy' });
  expect(healthLabel('healthy', true)).toEqual({
    label: 'Unknown (outage)',
    className: 'status-unknown',
  });
});

test('the outage notice comes from a 503, or from a pipeline that is not running', () => {
  const down = 'The database is not answering right now. Nothing is lost; try again in a minute.';
  expect(outageMessage({ loadError: { status: 503, message: down }, pipeline: undefined })).toBe(
    `${down} The sources below are as last seen.`,
  );
  expect(
    outageMessage({
      loadError: null,
      pipeline: { state: 'stalled', message: 'Sources have not been checked since 21:20: …' },
    }),
  ).toBe('Sources have not been checked since 21:20: …');
  expect(outageMessage({ loadError: null, pipeline: { state: 'running', message: null } })).toBe(
    null,
  );
});
