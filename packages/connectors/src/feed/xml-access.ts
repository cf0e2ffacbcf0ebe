import { escapeAttribute, escapeText } from 'entities';
import { localName, type XmlElement, type XmlNode } from './xml-tree.ts';

export function child(element: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    for (const node of element.children) {
      if (typeof node !== 'string' && node.name === name) return node;
    }
  }
  return undefined;
}

export function childrenNamed(element: XmlElement, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of element.children) {
    if (typeof node !== 'string' && names.includes(node.name)) out.push(node);
  }
  return out;
}

/** Concatenated text of the element and its descendants (markup dropped). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  const { children } = element;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let out = '';
  for (const node of children) out += typeof node === 'string' ? node : textOf(node);
  return out;
}

/**
 * The element's content as markup: its text when it only holds text (escaped HTML in RSS arrives
 * this way, already decoded once), or its child elements re-serialised (Atom xhtml content,
 * unescaped HTML that a careless feed put straight into `<description>`).
 */
export function markupOf(element: XmlElement | undefined): string {
  if (!element) return '';
  const { children } = element;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  if (children.every((c) => typeof c === 'string')) return children.join('');
  let out = '';
  for (const node of children) out += serialise(node);
  return out;
}

function serialise(node: XmlNode): string {
  if (typeof node === 'string') return escapeText(node);
  const name = localName(node.name);
  let attrs = '';
  for (const key in node.attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    attrs += ` ${key}="${escapeAttribute(node.attrs[key]!)}"`;
  }
  let inner = '';
  for (const c of node.children) inner += serialise(c);
  return `<${name}${attrs}>${inner}</${name}>`;
}
