import { expect, test } from 'vitest';
import { testMention } from '../features/inbox/test-mention.ts';
import { activeFlags } from './flags.ts';

test('only raised flags are listed, most serious first, each with its evidence', () => {
  const mention = testMention(1, {
    flags: { complaint: true, safeguarding: true },
    flagEvidence: { safeguarding: ['at risk'], complaint: ['formal complaint'] },
  });
  expect(activeFlags(mention)).toEqual([
    { key: 'safeguarding', label: 'Safeguarding', evidence: ['at risk'] },
    { key: 'complaint', label: 'Complaint', evidence: ['formal complaint'] },
  ]);
});

test('a raised flag without evidence still shows, with no evidence', () => {
  expect(activeFlags(testMention(1, { flags: { pii: true } }))).toEqual([
    { key: 'pii', label: 'Personal data', evidence: [] },
  ]);
});
