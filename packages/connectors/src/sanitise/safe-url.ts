/**
 * Resolves a URL found in content and keeps it only if it is http(s) (or mailto for links).
 * javascript:, vbscript:, data:, file: and anything unparseable become null. Protocol-relative
 * URLs with no base are taken as https.
 */
// Browsers drop ASCII controls anywhere in a URL ("java\tscript:").
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
const URL_CONTROLS = /[\u0000-\u001f\u007f]/g;

export function safeUrl(raw: string, baseUrl: string | null, allowMailto: boolean): string | null {
  // Browsers ignore ASCII whitespace and controls inside a scheme ("java\tscript:").
  const trimmed = raw.replace(URL_CONTROLS, '').trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    if (trimmed.startsWith('//') && !baseUrl) url = new URL(`https:${trimmed}`);
    else url = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  if (allowMailto && url.protocol === 'mailto:') return url.href;
  return null;
}
