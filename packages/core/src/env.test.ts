import { expect, test } from 'vitest';
import { z } from 'zod';
import { FeedPolicyEnv, feedHttpPolicy, parseEnv, redactionOptions, ServiceEnv } from './env.ts';

test('the feed policy refuses private addresses unless told otherwise', () => {
  expect(feedHttpPolicy(parseEnv(FeedPolicyEnv, {}))).toEqual({
    allowPrivate: false,
    allowedCidrs: [],
  });
  expect(
    feedHttpPolicy(
      parseEnv(FeedPolicyEnv, {
        ALLOW_PRIVATE_FEEDS: '1',
        ALLOWED_FEED_CIDRS: '10.20.0.0/16, fd00::/8',
      }),
    ),
  ).toEqual({ allowPrivate: true, allowedCidrs: ['10.20.0.0/16', 'fd00::/8'] });
});

test('every invalid variable is listed at once', () => {
  const schema = FeedPolicyEnv.extend({ PORT: z.coerce.number().int() });
  expect(() =>
    parseEnv(schema, { ALLOW_PRIVATE_FEEDS: 'yes', ALLOWED_FEED_CIDRS: 'intranet', PORT: 'x' }),
  ).toThrow(/ALLOW_PRIVATE_FEEDS[\s\S]*ALLOWED_FEED_CIDRS[\s\S]*PORT/);
});

test('hospital-number masks are read as a list, and one that would match anything is refused', () => {
  const env = parseEnv(ServiceEnv, { HOSPITAL_NUMBER_MASKS: 'RXN#######, @@######' });
  expect(redactionOptions(env)).toEqual({ hospitalNumbers: ['RXN#######', '@@######'] });
  expect(() => parseEnv(ServiceEnv, { HOSPITAL_NUMBER_MASKS: '###' })).toThrow(
    /HOSPITAL_NUMBER_MASKS: hospital-number mask "###" needs 6-40 characters/,
  );
});
