import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

export type XmlNode = Record<string, unknown>;

/** Fails the test with the parser's message if the document is not well-formed XML. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  expect(valid, JSON.stringify(valid)).toBe(true);
  return parser.parse(xml) as XmlNode;
}

export function rssItems(xml: string): XmlNode[] {
  const doc = parseXml(xml) as { rss: { channel: { item?: XmlNode[] } } };
  return doc.rss.channel.item ?? [];
}

export function atomEntries(xml: string): XmlNode[] {
  const doc = parseXml(xml) as { feed: { entry?: XmlNode[] } };
  return doc.feed.entry ?? [];
}

/** Text of an element that may carry attributes (then the parser nests it under #text). */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String(node['#text']);
  return '';
}

/** A clock the test moves by hand, so "items over time" needs no sleeping. */
export function fakeClock(start = '2026-03-02T09:00:00Z') {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}
