import { expect, test } from 'vitest';
import { deriveTitle, htmlToText, renderMarkup } from './markup.ts';

test('markup becomes paragraphs, bold and links, with text escaped', () => {
  const { text, html } = renderMarkup(
    'A&E at **Northfield** <3\n\nSee [the page](https://northfield-nhs.example/a?b=1&c=2).',
  );
  expect(html).toBe(
    '<p>A&amp;E at <b>Northfield</b> &lt;3</p><p>See <a href="https://northfield-nhs.example/a?b=1&amp;c=2">the page</a>.</p>',
  );
  expect(text).toBe('A&E at Northfield <3\n\nSee the page.');
});

test('hashtags become tag links only when a tag base is given', () => {
  const tagged = renderMarkup('Well done #NorthfieldNHS', {
    tagBase: 'https://social.example/tags',
  });
  expect(tagged.html).toBe(
    '<p>Well done <a href="https://social.example/tags/northfieldnhs" class="hashtag" rel="tag">#NorthfieldNHS</a></p>',
  );
  expect(renderMarkup('Well done #NorthfieldNHS').html).toBe('<p>Well done #NorthfieldNHS</p>');
});

test('an apostrophe escaped as an entity is not mistaken for a hashtag', () => {
  const { html } = renderMarkup("St Aidan's", { tagBase: 'https://social.example/tags' });
  expect(html).toBe('<p>St Aidan&#39;s</p>');
});

test('HTML turns back into plain text with paragraph breaks', () => {
  expect(htmlToText('<p>One &amp; <b>two</b></p><p>Three<br>four</p>')).toBe(
    'One & two\n\nThree\nfour',
  );
});

test('titles come from the first sentence and are cut at a word', () => {
  expect(deriveTitle('Great care today. Thank you all.')).toBe('Great care today.');
  const long = deriveTitle(`${'word '.repeat(40)}end`, 30);
  expect(long.length).toBeLessThanOrEqual(30);
  expect(long.endsWith('word…')).toBe(true);
});
