import { describe, expect, test } from 'vitest';
import { highlightSegments } from './highlight-segments.ts';

describe('highlighting the words behind a score', () => {
  const text = 'She is floppy and nobody came for four hours';

  test('marks each span and keeps every character of the text exactly once', () => {
    const segments = highlightSegments(text, [
      { start: 18, end: 29, label: 'negative' },
      { start: 7, end: 13, label: 'patientSafety' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.label).map((s) => [s.text, s.label])).toEqual([
      ['floppy', 'patientSafety'],
      ['nobody came', 'negative'],
    ]);
  });

  test('skips spans that overlap, fall outside the text or are empty', () => {
    const segments = highlightSegments(text, [
      { start: 7, end: 13, label: 'a' },
      { start: 10, end: 20, label: 'b' },
      { start: 40, end: 400, label: 'c' },
      { start: 5, end: 5, label: 'd' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.label).map((s) => s.label)).toEqual(['a']);
  });
});
