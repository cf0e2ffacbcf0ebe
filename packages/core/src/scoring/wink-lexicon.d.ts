// The lexicon tables inside wink-sentiment (AFINN-165, its two-word phrases, emoji and
// emoticons), read directly so the scorer can use wink's scores with its own fast tokeniser.
declare module 'wink-sentiment/src/afinn-en-165.js' {
  const table: Record<string, number>;
  export default table;
}
declare module 'wink-sentiment/src/afinn-en-165-2grams.js' {
  const table: Record<string, Record<string, number>>;
  export default table;
}
declare module 'wink-sentiment/src/emojis.js' {
  const table: Record<string, number>;
  export default table;
}
declare module 'wink-sentiment/src/emoticons.js' {
  const table: Record<string, number>;
  export default table;
}
