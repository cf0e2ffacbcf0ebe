/**
 * A previewed item as a heading and the text after it. Many feeds repeat the title as the start
 * of the text (or cut the title from it with "…"); the repeat is dropped, not shown twice.
 */
export function previewItemLines(item: { title: string | null; text: string }): {
  heading: string;
  body: string | null;
} {
  const text = item.text.trim();
  const title = item.title?.trim() ?? '';
  if (title === '')
    return { heading: text.length > 120 ? `${text.slice(0, 119)}…` : text, body: null };
  const stem = title.replace(/(…|\.\.\.)$/, '').trim();
  if (stem !== '' && text.startsWith(stem)) {
    const rest = text
      .slice(stem.length)
      .replace(/^[\s.…:,-]+/, '')
      .trim();
    return title.endsWith('…') || title.endsWith('...')
      ? { heading: text.length > 200 ? `${text.slice(0, 199)}…` : text, body: null }
      : { heading: title, body: rest === '' ? null : rest };
  }
  return { heading: title, body: text === '' ? null : text };
}
