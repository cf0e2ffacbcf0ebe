import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, test } from 'vitest';
import { Untrusted } from './Untrusted.tsx';

test('untrusted inline text is isolated and loses any bidi override it carries', () => {
  expect(renderToStaticMarkup(createElement(Untrusted, { text: '\u202Enimda\u202C Jo' }))).toBe(
    '<bdi>nimda Jo</bdi>',
  );
});
