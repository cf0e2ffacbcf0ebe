import { type NormalizedMention, stripUnsafeCharacters, stripUnsafeOrNull } from '@barometer/core';

/**
 * A mention with NUL, other control characters and bidirectional overrides removed from every
 * text field a reader sees. Every connector's output passes through this: Postgres cannot
 * store NUL, and an override makes a title read backwards.
 */
export function cleanMention(m: NormalizedMention): NormalizedMention {
  return {
    ...m,
    externalId: stripUnsafeCharacters(m.externalId),
    url: stripUnsafeOrNull(m.url),
    author: stripUnsafeOrNull(m.author),
    title: stripUnsafeOrNull(m.title),
    text: stripUnsafeCharacters(m.text),
    html: stripUnsafeOrNull(m.html),
    publishedRaw: stripUnsafeOrNull(m.publishedRaw),
    parentExternalId: stripUnsafeOrNull(m.parentExternalId),
    rootExternalId: stripUnsafeOrNull(m.rootExternalId),
  };
}
