import { describe, expect, test } from 'vitest';
import type { StoredMention } from './contracts/api.ts';
import { viewMention } from './mention-view.ts';

const stored: StoredMention = {
  id: 1,
  sourceId: 2,
  sourceName: 'Local news',
  sourceKind: 'rss',
  externalId: 'x',
  url: null,
  author: 'A reader',
  title: 'Call me on 07700 900123',
  text: 'My NHS number is 943 476 5919, please call 07700 900123',
  html: '<p>My NHS number is 943 476 5919, please call 07700 900123</p>',
  publishedAt: null,
  fetchedAt: '2026-12-01T10:00:00.000Z',
  sentimentScore: 0,
  sentimentLabel: 'neutral',
  sentimentConfidence: 0.5,
  flags: { safeguarding: false, complaint: false, patientSafety: false, urgent: false, pii: true },
  flagEvidence: { pii: ['NHS number: 943 476 5919'] },
  topics: [],
  explanation: [],
  scoreSummary: "personal data: 'NHS number 943 476 5919'",
  highlights: [{ start: 17, end: 29, label: 'pii' }],
  scorerVersion: 'v',
  parentExternalId: null,
  rootExternalId: null,
  story: null,
  redactedText: 'My NHS number is [NHS number], please call [phone number]',
};

describe('a mention as one reader sees it', () => {
  test('a reader without raw access gets the redacted text, title and evidence, and no HTML', () => {
    const view = viewMention(stored, { raw: false });
    expect(view.textView).toBe('redacted');
    expect(view.text).toBe(stored.redactedText);
    expect(view.html).toBeNull();
    expect(JSON.stringify(view)).not.toContain('943 476 5919');
    expect(JSON.stringify(view)).not.toContain('07700 900123');
    expect('redactedText' in view).toBe(false);
    expect(view.highlights).toEqual([]);
  });

  test('a reader with raw access gets the text as written, and never the stored copy field', () => {
    const view = viewMention(stored, { raw: true });
    expect(view.textView).toBe('raw');
    expect(view.text).toBe(stored.text);
    expect('redactedText' in view).toBe(false);
  });
});
