/** `\b(?:a|b|c)\b` from a readable word list (entries may hold regex syntax). */
export function anyOf(...entries: readonly string[]): string {
  return String.raw`\b(?:${entries.join('|')})\b`;
}

/** Both parts inside one sentence, in either order, at most `gap` characters apart. */
export function together(a: string, b: string, gap = 80): string {
  // Starts with a word boundary (both parts begin at one), so compilePatterns can check it once.
  return String.raw`\b(?:${a}[^.!?\n]{0,${gap}}${b}|${b}[^.!?\n]{0,${gap}}${a})`;
}
