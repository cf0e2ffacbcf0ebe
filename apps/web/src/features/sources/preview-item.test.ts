import { expect, test } from 'vitest';
import { previewItemLines } from './preview-item.ts';

test('a title repeated at the start of the text is shown once, with the rest below it', () => {
  expect(
    previewItemLines({
      title: 'Lovely to see the staff getting recognition.',
      text: 'Lovely to see the staff getting recognition. They deserve more than a blog post.',
    }),
  ).toEqual({
    heading: 'Lovely to see the staff getting recognition.',
    body: 'They deserve more than a blog post.',
  });
});

test('a title cut short with an ellipsis gives way to the whole text', () => {
  expect(
    previewItemLines({
      title: 'Nice words, but my dad waited…',
      text: 'Nice words, but my dad waited 14 hours.',
    }),
  ).toEqual({ heading: 'Nice words, but my dad waited 14 hours.', body: null });
});

test('a title unlike its text keeps both, and an untitled item shows its text', () => {
  expect(previewItemLines({ title: 'Ward reopens', text: 'The ward reopened on Monday.' })).toEqual(
    {
      heading: 'Ward reopens',
      body: 'The ward reopened on Monday.',
    },
  );
  expect(previewItemLines({ title: null, text: 'Short post' })).toEqual({
    heading: 'Short post',
    body: null,
  });
});
