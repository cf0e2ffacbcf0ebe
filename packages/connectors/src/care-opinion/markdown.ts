import { sanitiseHtml } from '../sanitise/sanitise-html.ts';

/**
 * Care Opinion bodies are Markdown: **bold**, [label](url), line breaks. Rendered to a small
 * HTML (then through the sanitiser like everything else) and to plain text for scoring.
 */
export function renderMarkdown(
  markdown: string,
  baseUrl: string | null,
): { text: string; html: string } {
  const escaped = markdown.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const inline = (s: string) =>
    s
      .replace(/\*\*(.+?)\*\*/g, '<b>$1</b>')
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>');
  const html = escaped
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${inline(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
  return sanitiseHtml(html, baseUrl);
}
