// Signs a complaint is about to escalate (press, MP, lawyers, regulator, going viral): with a
// complaint they make it urgent.
export const ESCALATION: readonly string[] = [
  String.raw`\b(?:going|go|went|contact(?:ing|ed)?|speak(?:ing)? to|tell(?:ing)?|writing to|wrote to) (?:to )?(?:the )?(?:northfield |local )?(?:press|papers?|local paper|news|media|bbc|itv|chronicle|echo|my mp|mp|local mp|councillor|solicitors?|lawyers?|ombudsman|cqc|healthwatch)`,
  String.raw`\b(?:legal action|sue|suing|lawsuit|solicitors?|clinical negligence|negligence claim|ombudsman|cqc|inquest|coroner)\b`,
  String.raw`\b(?:please (?:share|retweet|rt)|share this|spread the word|going viral|everyone needs to (?:know|see))`,
];
