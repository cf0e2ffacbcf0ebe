import { escapeAttribute, escapeText } from 'entities';
import { streamTags } from '../markup/tag-stream.ts';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  BLOCK_TAGS,
  DROPPED_WITH_CONTENT,
  MAX_NESTING,
  URL_ATTRIBUTES,
  VOID_TAGS,
} from './policy.ts';
import { safeUrl } from './safe-url.ts';

export interface SanitisedContent {
  /** Allow-listed HTML, safe to insert into the dashboard. */
  html: string;
  /** Readable plain text for matching and scoring. */
  text: string;
}

/**
 * One htmlparser2 pass producing both the display HTML and the plain text. Allow-list only:
 * unknown tags vanish (their text stays), script-like containers vanish with their content,
 * no `on*`/style/class attributes survive, URLs must resolve to http(s) (or mailto for links).
 * Images never keep a `src`: it moves to `data-src`, so a third party's pixel is not loaded
 * until someone asks, and 1x1 trackers are dropped outright. The output is well formed: every
 * element opened is closed, in order.
 */
export function sanitiseHtml(input: string, baseUrl: string | null): SanitisedContent {
  let html = '';
  let text = '';
  // Open elements (allowed or not), bounded; `emitted` says whether we wrote its open tag.
  const open: { name: string; emitted: boolean }[] = [];
  let overflow = 0; // elements opened beyond MAX_NESTING: ignored, their text kept
  let dropDepth = 0;
  let dropTag = '';

  streamTags(input, false, {
    open(name, attribs) {
      if (dropDepth > 0) {
        if (name === dropTag) dropDepth++;
        return;
      }
      if (DROPPED_WITH_CONTENT.has(name)) {
        // A void element (<input>, <meta>) has no content to drop and no closing tag to wait for.
        if (!VOID_TAGS.has(name)) {
          dropTag = name;
          dropDepth = 1;
        }
        return;
      }
      if (BLOCK_TAGS.has(name)) text += name === 'br' || name === 'li' ? LINE : PARAGRAPH;
      const isVoid = VOID_TAGS.has(name);
      if (!isVoid && (overflow > 0 || open.length >= MAX_NESTING)) {
        overflow++;
        return;
      }
      let emitted = false;
      if (ALLOWED_TAGS.has(name)) {
        const attrs = renderAttributes(name, attribs, baseUrl);
        if (attrs !== null) {
          html += `<${name}${attrs}>`;
          emitted = true;
        }
      }
      if (!isVoid) open.push({ name, emitted });
    },
    close(name) {
      if (dropDepth > 0) {
        if (name === dropTag) dropDepth--;
        return;
      }
      if (DROPPED_WITH_CONTENT.has(name) || VOID_TAGS.has(name)) return;
      if (BLOCK_TAGS.has(name)) text += name === 'li' ? LINE : PARAGRAPH;
      if (overflow > 0) {
        overflow--;
        return;
      }
      let at = open.length - 1;
      while (at >= 0 && open[at]!.name !== name) at--;
      if (at < 0) return;
      while (open.length > at) {
        const element = open.pop()!;
        if (element.emitted) html += `</${element.name}>`;
      }
    },
    text(data) {
      if (dropDepth > 0) return;
      html += escapeText(data);
      text += data.replace(MARKS, '');
    },
  });
  while (open.length > 0) {
    const element = open.pop()!;
    if (element.emitted) html += `</${element.name}>`;
  }
  return { html, text: tidyText(text) };
}

function renderAttributes(
  tag: string,
  attribs: Record<string, string>,
  baseUrl: string | null,
): string | null {
  const allowed = ALLOWED_ATTRIBUTES[tag];
  if (tag === 'img') return renderImage(attribs, baseUrl);
  if (!allowed) return '';
  let out = '';
  for (const name of allowed) {
    const raw = attribs[name];
    if (raw === undefined) continue;
    let value: string | null = raw;
    if (URL_ATTRIBUTES.has(name)) value = safeUrl(raw, baseUrl, tag === 'a');
    if (value === null) continue;
    if ((name === 'colspan' || name === 'rowspan') && !/^\d{1,3}$/.test(value)) continue;
    out += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (tag === 'a' && out.includes(' href=')) out += ' rel="nofollow noopener noreferrer"';
  return out;
}

function renderImage(attribs: Record<string, string>, baseUrl: string | null): string | null {
  // Lazy-loading pages (and our own output) carry the image in data-src.
  const raw = attribs.src ?? attribs['data-src'];
  const src = raw === undefined ? null : safeUrl(raw, baseUrl, false);
  if (src === null) return null;
  const width = Number(attribs.width);
  const height = Number(attribs.height);
  if ((width > 0 && width <= 2) || (height > 0 && height <= 2)) return null; // tracking pixel
  let out = ` data-src="${escapeAttribute(src)}"`;
  if (attribs.alt) out += ` alt="${escapeAttribute(attribs.alt)}"`;
  if (attribs.title) out += ` title="${escapeAttribute(attribs.title)}"`;
  return out;
}

// Private markers for block boundaries, turned into line breaks once whitespace is collapsed.
const LINE = '\uE000';
const PARAGRAPH = '\uE001';
const MARKS = /[\uE000\uE001]/g;

function tidyText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ *([\uE000\uE001][ \uE000\uE001]*)/g, (_, run: string) =>
      run.includes(PARAGRAPH) ? '\n\n' : '\n',
    )
    .trim();
}

/** Plain text of a title or author that may carry markup (Atom type="html", Google's <b>). */
export function plainText(input: string): string {
  if (!input.includes('<') && !input.includes('&')) return input.replace(/\s+/g, ' ').trim();
  return sanitiseHtml(input, null).text.replace(/\s+/g, ' ').trim();
}
