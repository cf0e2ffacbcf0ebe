/** An absolute http(s) URL, or null. Protocol-relative URLs without a base become https. */
// Browsers drop ASCII controls anywhere in a URL ("java\tscript:").
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
const URL_CONTROLS = /[\u0000-\u001f\u007f]/g;

export function resolveHttpUrl(raw: string | null | undefined, base: string | null): string | null {
  if (!raw) return null;
  const value = raw.replace(URL_CONTROLS, '').trim();
  if (!value) return null;
  let url: URL;
  try {
    if (value.startsWith('//') && !base) url = new URL(`https:${value}`);
    else url = base ? new URL(value, base) : new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return unwrapRedirector(url) ?? url.href;
}

/** A base for resolving: an absolute http(s) URL, or the inherited base when it is not one. */
export function resolveBase(
  raw: string | null | undefined,
  inherited: string | null,
): string | null {
  if (!raw) return inherited;
  try {
    const url = inherited ? new URL(raw.trim(), inherited) : new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : inherited;
  } catch {
    return inherited;
  }
}

/** Google Alerts links go through google.com/url?url=<target>; keep the target. */
function unwrapRedirector(url: URL): string | null {
  if (!/(^|\.)google\.[a-z.]+$/.test(url.hostname) || url.pathname !== '/url') return null;
  const target = url.searchParams.get('url') ?? url.searchParams.get('q');
  if (!target || !/^https?:\/\//i.test(target)) return null;
  try {
    return new URL(target).href;
  } catch {
    return null;
  }
}
