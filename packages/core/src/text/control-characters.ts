// Characters that have no business in text a person typed or a feed published. NUL cannot be
// stored by Postgres at all (a 500 before this existed); the other C0/C1 controls are invisible
// and break logs and exports. Tab, line feed and carriage return are ordinary text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// Bidirectional embeddings, overrides and isolates (Trojan Source, CVE-2021-42574): they make a
// title read backwards. LRM/RLM/ALM marks are kept: right-to-left text needs them and they
// cannot reorder what surrounds them.
const BIDI_CONTROL_ALL = /[\u202A-\u202E\u2066-\u2069]/g;

/** The names of the characters refused, as a person would recognise them. */
function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0) return 'a NUL character';
  return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * The first string inside `value` (walked through arrays and objects, keys included) that holds
 * a control character, as `{ path, what }`; null when every string is clean.
 */
export function findControlCharacter(
  value: unknown,
  path: string[] = [],
): { path: string; what: string } | null {
  if (typeof value === 'string') {
    const match = CONTROL.exec(value);
    return match ? { path: path.join('.'), what: describe(match[0]) } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const inKey = findControlCharacter(key, [...path, '(a field name)']);
      if (inKey) return inKey;
      const found = findControlCharacter(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Untrusted text made safe to store and show: controls and bidi overrides removed. */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(CONTROL_ALL, '').replace(BIDI_CONTROL_ALL, '');
}

/** `stripUnsafeCharacters` for an optional field. */
export function stripUnsafeOrNull(text: string | null): string | null {
  return text === null ? null : stripUnsafeCharacters(text);
}
