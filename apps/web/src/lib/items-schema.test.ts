import { SourcePreset } from '@barometer/core';
import { expect, test } from 'vitest';
import { itemsOf } from './items-schema.ts';

const preset = {
  id: 'news',
  label: 'News',
  description: 'Google News search for the trust',
  name: 'News search',
  url: 'https://news.example/rss?q=trust',
  isQueryFeed: true,
};

test('a well-formed list parses item by item', () => {
  const parsed = itemsOf(SourcePreset).safeParse({ items: [preset, { ...preset, id: 'b' }] });
  expect(parsed.success && parsed.data.items.map((p) => p.id)).toEqual(['news', 'b']);
});

test('a list without items, or with a bad item, is rejected with the position of the fault', () => {
  expect(itemsOf(SourcePreset).safeParse({ rows: [] }).success).toBe(false);
  const bad = itemsOf(SourcePreset).safeParse({ items: [preset, { id: 3 }] });
  expect(bad.success).toBe(false);
  if (!bad.success) expect(bad.error.issues[0]?.message).toMatch(/^items\[1\]/);
});
