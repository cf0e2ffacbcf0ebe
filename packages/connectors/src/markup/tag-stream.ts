import { Tokenizer } from 'htmlparser2';

export interface TagHandler {
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(value: string, cdata: boolean): void;
}

/**
 * Runs htmlparser2's Tokenizer (fast, never throws, tolerant of anything) without its Parser:
 * the Parser keeps open elements with Array#unshift, which is quadratic, so 100,000 nested tags
 * took ~10 s. The handlers here keep their own bounded stacks instead.
 *
 * `xmlMode`: tag names keep their case and prefixes, `<x/>` closes itself, CDATA sections are
 * text, and entities are NOT decoded (the caller decodes HTML entities itself).
 * HTML mode: names are lower-cased and entities decoded.
 */
export function streamTags(input: string, xmlMode: boolean, handler: TagHandler): void {
  let tagName = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  const slice = (start: number, end: number) => input.slice(start, end);
  const tokenizer = new Tokenizer(
    { xmlMode, decodeEntities: !xmlMode },
    {
      onopentagname(start, end) {
        tagName = xmlMode ? slice(start, end) : slice(start, end).toLowerCase();
        attrs = {};
      },
      onattribname(start, end) {
        attrName = slice(start, end).toLowerCase();
        attrValue = '';
      },
      onattribdata(start, end) {
        attrValue += slice(start, end);
      },
      onattribentity(codepoint) {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.hasOwn(attrs, attrName)) attrs[attrName] = attrValue;
      },
      onopentagend() {
        handler.open(tagName, attrs, false);
      },
      onselfclosingtag() {
        handler.open(tagName, attrs, true);
        if (xmlMode) handler.close(tagName);
      },
      onclosetag(start, end) {
        handler.close(xmlMode ? slice(start, end) : slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        if (end > start) handler.text(slice(start, end), false);
      },
      ontextentity(codepoint) {
        handler.text(String.fromCodePoint(codepoint), false);
      },
      oncdata(start, end, offset) {
        const value = slice(start, end - offset);
        if (xmlMode) handler.text(value, true);
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(input);
  tokenizer.end();
}
