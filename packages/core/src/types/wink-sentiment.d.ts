declare module 'wink-sentiment' {
  interface WinkToken {
    value: string;
    tag: string;
    score?: number;
    negation?: boolean;
    grouped?: number;
  }
  interface WinkResult {
    score: number;
    normalizedScore: number;
    tokenizedPhrase: WinkToken[];
  }
  function sentiment(phrase: string): WinkResult;
  export default sentiment;
}
