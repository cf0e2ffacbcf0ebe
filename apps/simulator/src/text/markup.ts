/**
 * Templates are written in a tiny markup (blank line = paragraph, **bold**, [label](url)) so the
 * scenario files stay readable, and slot values never need HTML escaping by hand.
 */
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const BOLD = /\*\*(.+?)\*\*/g;
const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
const HASHTAG = /(^|\s)#([A-Za-z]\w*)/g;

export type Rendered = { text: string; html: string };

export function renderMarkup(source: string, options: { tagBase?: string } = {}): Rendered {
  const paragraphs = source
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  const text = paragraphs.map((p) => p.replace(BOLD, '$1').replace(LINK, '$1')).join('\n\n');
  const html = paragraphs
    .map((paragraph) => {
      let inner = escapeHtml(paragraph)
        .replace(BOLD, '<b>$1</b>')
        .replace(LINK, '<a href="$2">$1</a>')
        .replace(/\n/g, '<br>');
      if (options.tagBase) {
        const base = options.tagBase;
        inner = inner.replace(
          HASHTAG,
          (_, lead: string, tag: string) =>
            `${lead}<a href="${base}/${tag.toLowerCase()}" class="hashtag" rel="tag">#${tag}</a>`,
        );
      }
      return `<p>${inner}</p>`;
    })
    .join('');
  return { text, html };
}

/** Plain text for an item published with HTML only. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

/** A headline from the first sentence, the way feeds without titles get one in readers. */
export function deriveTitle(text: string, max = 90): string {
  const firstLine = text.split('\n')[0] ?? '';
  const sentence = firstLine.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? firstLine;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
