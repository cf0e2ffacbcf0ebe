import { decodeHTML } from 'entities';
import { streamTags } from '../markup/tag-stream.ts';

/**
 * A small, forgiving XML tree. htmlparser2's tokenizer never throws, treats a bare `&` as text,
 * recovers truncated documents (open elements are closed at the end) and knows nothing of DTDs,
 * so internal entities (billion laughs), external entities (XXE) and parameter entities are
 * never expanded: an unknown `&name;` stays literal text. HTML named entities (`&eacute;`,
 * `&nbsp;`) are decoded, as SimplePie and Miniflux do. Depth and element count are capped so
 * memory stays flat and later recursion is bounded. Names and attribute names are lower-cased.
 */
export interface XmlElement {
  /** Canonical name: `prefix:local` for known namespaces (see NAMESPACES), lowercased. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export const MAX_DEPTH = 128;
export const MAX_ELEMENTS = 500_000;

const NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/syndication/thread/1.0': 'thr',
  'http://wellformedweb.org/commentapi/': 'wfw',
  'http://purl.org/rss/1.0/modules/slash/': 'slash',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.youtube.com/xml/schemas/2015': 'yt',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
};

export function parseXml(text: string): XmlElement[] {
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  // prefix -> canonical prefix ('' key: the default namespace), one map per open element
  let nsScope = new Map<string, string>();
  const nsStack: Map<string, string>[] = [];
  let skipped = 0; // elements open beyond the caps, ignored with their content
  let count = 0;

  streamTags(text, true, {
    open(rawName, attribs) {
      if (skipped > 0 || stack.length >= MAX_DEPTH || count >= MAX_ELEMENTS) {
        skipped++;
        return;
      }
      count++;
      let scope = nsScope;
      for (const key in attribs) {
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          if (scope === nsScope) scope = new Map(nsScope);
          const uri = attribs[key]!.trim().toLowerCase();
          const prefix = key === 'xmlns' ? '' : key.slice(6);
          scope.set(prefix, NAMESPACES[uri] ?? prefix);
        }
      }
      nsStack.push(nsScope);
      nsScope = scope;
      const attrs: Record<string, string> = {};
      for (const key in attribs) attrs[key] = decodeText(attribs[key]!);
      const element: XmlElement = { name: canonicalName(rawName, nsScope), attrs, children: [] };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else roots.push(element);
      stack.push(element);
    },
    close(rawName) {
      if (skipped > 0) {
        skipped--;
        return;
      }
      // Close the nearest open element of that name and everything opened inside it (an
      // unclosed <img> in a description); a close tag that matches nothing is ignored.
      const name = canonicalName(rawName, nsScope);
      let at = stack.length - 1;
      while (at >= 0 && stack[at]!.name !== name) at--;
      if (at < 0) return;
      while (stack.length > at) {
        stack.pop();
        nsScope = nsStack.pop() ?? new Map();
      }
    },
    text(data, cdata) {
      const top = stack[stack.length - 1];
      if (!top || skipped > 0) return;
      const value = cdata ? data : decodeText(data);
      const children = top.children;
      const last = children.length - 1;
      if (last >= 0 && typeof children[last] === 'string') children[last] += value;
      else children.push(value);
    },
  });
  return roots;
}

function decodeText(raw: string): string {
  return raw.includes('&') ? decodeHTML(raw) : raw;
}

function canonicalName(raw: string, scope: Map<string, string>): string {
  const lower = raw.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon < 0) {
    const ns = scope.get('');
    return ns ? `${ns}:${lower}` : lower;
  }
  const prefix = lower.slice(0, colon);
  const ns = scope.get(prefix) ?? prefix;
  const local = lower.slice(colon + 1);
  return ns ? `${ns}:${local}` : local;
}

/** Local part of a canonical name (`atom:link` -> `link`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
