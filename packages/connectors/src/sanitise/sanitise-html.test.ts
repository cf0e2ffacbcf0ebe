import { describe, expect, test } from 'vitest';
import { plainText, sanitiseHtml } from './sanitise-html.ts';

const clean = (html: string, base: string | null = 'https://site.example/post/') =>
  sanitiseHtml(html, base).html;

describe('sanitiseHtml', () => {
  test('keeps allowed formatting and links, resolving relative URLs', () => {
    expect(clean('<p>Hi <strong>there</strong> <a href="../x" title="t">link</a></p>')).toBe(
      '<p>Hi <strong>there</strong> <a href="https://site.example/x" title="t" rel="nofollow noopener noreferrer">link</a></p>',
    );
  });

  test('drops script, style, iframe, forms and frames together with their content', () => {
    expect(
      clean(
        'a<script>x()</script><style>p{}</style><iframe src="//e"><p>in</p></iframe><form><input name=q><button>go</button></form><object><embed src=x></object>b',
      ),
    ).toBe('ab');
  });

  test('dropped void elements (input, meta, link, embed) do not swallow what follows', () => {
    expect(clean('<p>a<input name=q>b<meta charset=x>c<link rel=x>d<embed src=x>e<wbr>f</p>')).toBe(
      '<p>abcdef</p>',
    );
  });

  test('removes event handlers, style and class attributes', () => {
    expect(clean('<p onclick="x()" style="color:red" class="c" onmouseover=y>t</p>')).toBe(
      '<p>t</p>',
    );
  });

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    '&#106;avascript:alert(1)',
  ])('a link to %s loses its href', (href) => {
    expect(clean(`<a href="${href}">x</a>`)).toBe('<a>x</a>');
  });

  test('images are not auto-loaded: src moves to data-src; pixels and data: images vanish', () => {
    expect(clean('<img src="/a.png" alt="A" onerror="x()">')).toBe(
      '<img data-src="https://site.example/a.png" alt="A">',
    );
    expect(clean('<img src="https://t.example/p.gif" width="1" height="1">')).toBe('');
    expect(clean('<img src="data:image/png;base64,AAAA">')).toBe('');
  });

  test('output is well formed even when input is not', () => {
    expect(clean('<b><i>x</b> y')).toBe('<b><i>x</i></b> y');
    expect(clean('</p></div>text<ul><li>one<li>two')).toBe('text<ul><li>one<li>two</li></li></ul>');
  });

  test('text keeps paragraphs and list lines, collapses other whitespace', () => {
    expect(
      sanitiseHtml('<p>One\n  two</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>', null).text,
    ).toBe('One two\n\nThree\nfour\n\na\nb');
  });

  test('escapes text so decoded entities cannot become markup', () => {
    expect(clean('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(sanitiseHtml('&lt;b&gt;', null).text).toBe('<b>');
  });

  test('nesting is bounded', () => {
    const html = clean(`${'<span>'.repeat(1000)}x${'</span>'.repeat(1000)}`);
    expect(html.split('<span>').length - 1).toBe(100);
    expect(html).toContain('x');
  });
});

describe('plainText', () => {
  test('strips Google Alerts highlighting and decodes entities in titles', () => {
    expect(plainText('Patients praise <b>Northshire</b> &amp; staff')).toBe(
      'Patients praise Northshire & staff',
    );
  });
});
