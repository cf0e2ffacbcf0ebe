import { stripUnsafeCharacters } from '@barometer/core';

/**
 * Text someone outside the trust wrote (a title, an author, a feed's name), shown inline: its
 * direction is isolated from what surrounds it, and any bidi override a stored row still carries
 * is dropped, so it cannot reverse the words an officer reads next to it.
 */
export function Untrusted(props: { text: string }) {
  return <bdi>{stripUnsafeCharacters(props.text)}</bdi>;
}

/** The same for text shown as a block of its own: pass to `dir` and to the content. */
export function untrustedBlock(text: string): string {
  return stripUnsafeCharacters(text);
}
