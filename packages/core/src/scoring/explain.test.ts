import { expect, test } from 'vitest';
import { scoreMention } from './score-mention.ts';

test('the summary names the flag first, then the label and the words behind it', () => {
  const s = scoreMention({
    text: 'Been in A&E 4 hours with my 3 year old, she is floppy and can hardly breathe',
  });
  expect(s.flags.patientSafety).toBe(true);
  expect(s.summary.startsWith('patient safety:')).toBe(true);
  expect(s.summary).toContain("'floppy'");
  expect(s.summary).toContain('negative');
});

test('highlights are character offsets into the text, one span per piece of evidence', () => {
  const text = 'Rang 14 times and nobody answered, shocking service';
  const s = scoreMention({ text });
  expect(s.sentiment.label).toBe('negative');
  expect(s.highlights.length).toBeGreaterThan(0);
  for (const h of s.highlights) {
    expect(h.start).toBeGreaterThanOrEqual(0);
    expect(h.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(h.start, h.end).trim().length).toBeGreaterThan(1);
  }
  const words = s.highlights.map((h) => text.slice(h.start, h.end).toLowerCase());
  expect(words).toContain('shocking');
});

test('a neutral notice says why it is neutral and highlights nothing', () => {
  const s = scoreMention({
    text: 'Visiting times on all adult wards are now 11am to 8pm from Monday.',
  });
  expect(s.sentiment.label).toBe('neutral');
  expect(s.summary).toMatch(/^neutral: /);
  expect(s.highlights).toEqual([]);
});
