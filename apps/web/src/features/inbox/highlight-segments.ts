export interface Highlight {
  start: number;
  end: number;
  label: string;
}

export interface Segment {
  text: string;
  /** The evidence kind behind this span, or null for plain text. */
  label: string | null;
}

/**
 * Splits a text into plain and highlighted runs. Spans out of range, empty or overlapping an
 * earlier one are skipped, so a bad span can never drop or repeat any of the text.
 */
export function highlightSegments(text: string, highlights: readonly Highlight[]): Segment[] {
  const spans = [...highlights]
    .filter((h) => h.start >= 0 && h.end <= text.length && h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ text: text.slice(at, span.start), label: null });
    out.push({ text: text.slice(span.start, span.end), label: span.label });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), label: null });
  return out;
}
