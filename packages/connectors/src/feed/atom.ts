import { escapeText } from 'entities';
import { type FeedDraft, type ItemDraft, trimOrNull } from './draft.ts';
import { resolveBase, resolveHttpUrl } from './urls.ts';
import { child, childrenNamed, markupOf, textOf } from './xml-access.ts';
import type { XmlElement } from './xml-tree.ts';

/** Atom 1.0 and 0.3; also Atom written without its namespace. */
export function mapAtom(root: XmlElement, feedUrl: string | null): FeedDraft {
  const base = resolveBase(root.attrs['xml:base'], feedUrl);
  const entries = childrenNamed(root, 'atom:entry', 'entry');
  return {
    format: 'atom',
    title: trimOrNull(textContent(a(root, 'title'))),
    url: resolveHttpUrl(linkHref(root, 'alternate'), base),
    ttlSeconds: null,
    items: entries.map((entry) => mapEntry(entry, resolveBase(entry.attrs['xml:base'], base))),
  };
}

function a(element: XmlElement, name: string): XmlElement | undefined {
  return child(element, `atom:${name}`, name);
}

function mapEntry(entry: XmlElement, base: string | null): ItemDraft {
  const content = a(entry, 'content');
  const summary = a(entry, 'summary');
  const media = child(child(entry, 'media:group') ?? entry, 'media:description');
  const body =
    (content && !content.attrs.src ? contentHtml(content) : '') ||
    (summary ? contentHtml(summary) : '') ||
    (media ? escapeText(textOf(media)) : '');
  const author = a(entry, 'author');
  const inReplyTo = child(entry, 'thr:in-reply-to');
  return {
    guid: trimOrNull(textOf(a(entry, 'id'))),
    link: resolveHttpUrl(linkHref(entry, 'alternate'), base),
    title: trimOrNull(textContent(a(entry, 'title'))),
    content: body,
    // Reddit writes authors as /u/name in feeds but name in its API: keep the API's form.
    author: trimOrNull(textOf(author ? a(author, 'name') : undefined)?.replace(/^\/u\//, '')),
    dateRaw: trimOrNull(
      textOf(
        a(entry, 'published') ??
          a(entry, 'issued') ??
          a(entry, 'created') ??
          a(entry, 'updated') ??
          a(entry, 'modified'),
      ),
    ),
    base,
    parentId: trimOrNull(inReplyTo?.attrs.ref),
    rootId: null,
    commentFeed: resolveHttpUrl(linkHref(entry, 'replies'), base),
  };
}

function linkHref(element: XmlElement, rel: string): string | null {
  for (const link of childrenNamed(element, 'atom:link', 'link')) {
    if ((link.attrs.rel ?? 'alternate') === rel && link.attrs.href) return link.attrs.href;
  }
  return null;
}

/** Atom text constructs: type="text" is plain, "html" is escaped HTML, "xhtml" is inline markup. */
function contentHtml(element: XmlElement): string {
  const type = (element.attrs.type ?? '').toLowerCase();
  const mode = (element.attrs.mode ?? '').toLowerCase();
  if (mode === 'base64') return '';
  if (type === 'xhtml' || type.endsWith('xhtml+xml')) return markupOf(element);
  const value = markupOf(element);
  if (type === 'html' || type === 'text/html' || mode === 'escaped') return value;
  // Untyped content that plainly holds tags is HTML in practice, whatever the spec's default.
  if (type === '' && /<[a-z][^>]*>/i.test(value)) return value;
  return escapeText(value);
}

/** A text construct as plain text (titles). */
function textContent(element: XmlElement | undefined): string {
  if (!element) return '';
  const type = (element.attrs.type ?? '').toLowerCase();
  return type === 'text' || type === '' ? textOf(element) : markupOf(element);
}
