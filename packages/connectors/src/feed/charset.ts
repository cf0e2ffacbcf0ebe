import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Bytes to text, deciding the charset the way Miniflux and SimplePie do: a BOM wins; bytes that
 * are valid UTF-8 are UTF-8 whatever the label says (wrong labels are common, real Latin-1 text
 * is almost never valid UTF-8); otherwise the HTTP charset, then the XML prolog, then
 * windows-1252 (the superset of Latin-1 that "no label" usually means).
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return buffer.toString('utf8', 3);
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return iconv.decode(buffer.subarray(2), 'utf-16le');
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return iconv.decode(buffer.subarray(2), 'utf-16be');
  }
  // UTF-16 without a BOM still starts "<?xml" with NULs in between.
  if (buffer.length >= 4 && buffer[0] === 0x3c && buffer[1] === 0 && buffer[2] === 0x3f) {
    return iconv.decode(buffer, 'utf-16le');
  }
  if (buffer.length >= 4 && buffer[0] === 0 && buffer[1] === 0x3c && buffer[3] === 0x3f) {
    return iconv.decode(buffer, 'utf-16be');
  }
  if (isUtf8(buffer)) return buffer.toString('utf8');
  const label = charsetFromContentType(contentType) ?? charsetFromProlog(buffer);
  const charset = label && iconv.encodingExists(label) && !isUnicodeLabel(label) ? label : null;
  return iconv.decode(buffer, charset ?? 'windows-1252');
}

export function charsetFromContentType(contentType?: string | null): string | null {
  if (!contentType) return null;
  const match = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return match ? match[1]!.toLowerCase() : null;
}

function charsetFromProlog(buffer: Buffer): string | null {
  const head = buffer.toString('latin1', 0, Math.min(buffer.length, 512));
  const match = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/** A UTF-8/16 label on bytes that are not valid UTF-8 is a lie; fall back to windows-1252. */
function isUnicodeLabel(label: string): boolean {
  return /^utf-?(8|16)/i.test(label);
}

// XML 1.0 forbids C0 controls other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF.
// Postgres text cannot hold U+0000 at all. Filtered rather than fatal, as Miniflux does.
const INVALID_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}
