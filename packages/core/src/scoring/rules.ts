import { compilePatterns } from './pattern-set.ts';

// Rules for what both the lexicon and the trained model miss. Each list is a readable set of
// patterns; each list compiles once into a single regular expression (hot path).
//
// The text they run on has been through normaliseText; it is lower-cased here, once, and the
// patterns are written in lower case.

const NUM = String.raw`(?:\d+(?:[.,]\d+)?|a couple of|a few|several|many|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty|fifty)`;

/** UK/NHS service failure: long waits, corridor care, no beds, cancellations, being ignored. */
export const SERVICE_FAILURE: readonly string[] = [
  // Long waits: "waited 14 hours", "sat in A&E for 9 hrs", "a 6 hour wait", "3 weeks for a call back".
  String.raw`\b(?:wait(?:ed|ing)?|sat|sitting|stuck|queu(?:e|ed|ing)|left|lying|laid|on hold)\b[^.!?]{0,40}?\b${NUM}\s*\+?\s*(?:hours?|hrs?|days?|weeks?|months?|years?)\b`,
  String.raw`\b${NUM}[\s-]*(?:hours?|hrs?|days?|weeks?|months?)(?:'s)?\s+(?:wait|delay|queue)`,
  String.raw`\b(?:hours?|days?|weeks?|months?) (?:and hours?|of waiting|on end|in a corridor|on a trolley)`,
  String.raw`\b${NUM}\s*(?:hours?|hrs?)\s+(?:in|at) (?:a&e|the corridor|a corridor|resus|the waiting room|outpatients)\b`,
  String.raw`\b${NUM}\s*(?:hours?|hrs?|mins?|minutes) on hold\b|\b\d+(?:st|nd|rd|th) hour\b|\b\d+\s*(?:hours?|hrs?) and counting`,
  String.raw`\b(?:broken|out of order|out of action|not working|jammed|engaged|closed)\b[^.!?]{0,20}\b(?:since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|january|february|march|april|may|june|july|august|september|october|november|december|\d)|for (?:a|\d+|two|three|four|several|many) (?:days?|weeks?|months?))`,
  String.raw`\bstill (?:waiting|no (?:word|news|reply|response|call|bed|appointment|letter|results?|sign))`,
  String.raw`\b(?:corridor care|in (?:a|the|every) corridors?|on (?:a )?trolleys?|trolley wait|no beds?|bed shortage|bed blocking|no (?:bed|space|room)s? available)`,
  String.raw`\b(?:cancel+ed|postponed|rescheduled|moved|bumped)\b[^.!?]{0,25}?\b(?:again|twice|three times|\d+ times|last minute|on the day|the (?:night|day|morning) before)\b`,
  String.raw`\b(?:cancel+ed|postponed)\s+(?:my|our|his|her|their|mum'?s|dad'?s|the)\b`,
  String.raw`\b(?:nobody|no one|no-one|noone)\b[^.!?]{0,15}?\b(?:answer(?:s|ed)?|came|comes|come|called|calls|rang|told|explained|listen(?:s|ed)?|cares?|bothered|checked|helped|turned up|picks? up|picked up|seen)`,
  String.raw`\bnever (?:got|received|heard|called|rang|came|turned up|arrived|showed|rings|answer(?:s|ed)?|told|explained|again)`,
  String.raw`\b(?:did ?n[o']?t|do ?n[o']?t|does ?n[o']?t|would ?n[o']?t|wo ?n[o']?t) (?:listen|care|bother|answer|call (?:back|me)|ring (?:back|me)|explain|turn up|arrive|come|get back|respond|check)`,
  String.raw`\b(?:could ?n[o']?t|can ?n[o']?t|cannot|unable to) (?:get (?:through|an appointment|a bed|seen|hold)|park|find anyone|breathe)`,
  String.raw`\bon hold (?:for|forever)|\b(?:rang|rings|ringing) out\b|\b(?:doesn'?t|does not|didn'?t|did not|won'?t|isn'?t|aren'?t|wasn'?t|never) work(?:ing|s)?\b|\bno answer\b|\bnot (?:been )?answered`,
  String.raw`\b(?:lost|misplaced) (?:my|his|her|our|their|the) (?:notes|records|referral|results|samples?|letter|bloods|scans?|file|belongings)`,
  String.raw`\b(?:sent|discharged) (?:(?:my|our|his|her|their|him|them|me|us) (?:\w+ )?)?(?:home|out)\b[^.!?]{0,30}?\b(?:too (?:early|soon)|twice|again|three times|\d+ times|without|in agony|in pain|with (?:a )?(?:broken|fractured))`,
  String.raw`\bleft (?:alone|in (?:agony|pain|tears|the dark|soiled|a corridor)|on (?:a|the) (?:floor|trolley)|waiting|unattended|without)`,
  String.raw`\b(?:in agony|in tears|fobbed off|brushed off|ignored|dismissed|patronis(?:ed|ing)|talked down to|not listened to|treated like)`,
  String.raw`\b(?:rude|dismissive|unhelpful|uncaring|arrogant|condescending|unprofessional|incompetent|useless|hopeless|clueless|shocking|appalling|disgusting|disgraceful|disgrace|shambles|shambolic|horrendous|horrific|awful|terrible|dreadful|atrocious|abysmal|diabolical|pathetic|a joke|a farce|unacceptable|(?<!(?:expect(?:ed|ing)?|fear(?:ed|ing)?|feared|assum(?:ed|ing)|prepared for) the )worst|nightmare|farcical|ridiculous|outrageous)\b`,
  String.raw`\b(?:short[ -]?staffed|understaffed|under[ -]?resourced|no staff|not enough (?:staff|nurses|doctors|beds))`,
  String.raw`\b(?:filthy|dirty|unclean|blood on the|smelled of urine|stank)\b`,
  String.raw`\b(?:complain(?:ed|ing|ts?)|raised a concern|formal complaint|pals)\b`,
  String.raw`\b(?:parking (?:charges?|fees?|costs?|is a nightmare)|overcharged|no parking|couldn'?t park|nowhere to park)`,
  String.raw`\bambulance\b[^.!?]{0,30}?\b(?:never (?:came|arrived)|took ${NUM}|didn'?t (?:come|arrive))`,
  String.raw`\b(?:misdiagnos\w*|wrong (?:medication|medicine|dose|diagnosis|patient|leg|arm|side|drug))`,
  String.raw`\bno (?:communication|information|updates?|explanation|apology|dignity|compassion|empathy|respect|care|help|support|one (?:there|around))\b`,
  String.raw`\b(?:thanks|thank you|cheers) for nothing\b|\btreated (?:so |very |really )?(?:badly|poorly|appallingly|terribly|like (?:dirt|rubbish|a number|an animal|cattle|a criminal))`,
  String.raw`\b(?:let (?:me|us|him|her|them) down|failed (?:me|us|him|her|them|my|our))\b`,
  String.raw`\b(?:gave up (?:and|waiting)|walked out|went private|had to pay|never again|avoid (?:this|at all costs))`,
];

/** Requests for improvement ("could be better", "need more staff"): mildly negative. */
export const IMPROVEMENT_REQUEST: readonly string[] = [
  String.raw`\b(?:could|should|might|would) (?:have )?(?:be(?:en)?|do|done) (?:a (?:lot|bit|little) )?(?:better|more|quicker|faster|improved)`,
  String.raw`\b(?:needs?|needed) (?:to (?:be )?(?:improve|sort|look|listen|be better|change|speed)|more|better|(?:\w+ )?improv)`,
  String.raw`\b(?:could|should) (?:be )?improved?\b|\bless than (?:ideal|satisfactory|adequate|helpful|mediocre|average|acceptable)\b`,
  String.raw`\b(?:more|extra) (?:staff|nurses|doctors|beds|parking|information|communication|updates|seating|chairs|clarity)\b`,
  String.raw`\b(?:room for improvement|needs improving|needs improvement|not good enough|not ideal|a bit slow|too slow|too long|too busy|quicker response|faster response|shorter wait)`,
  String.raw`\b(?:would(?: have)? (?:preferred|prefer|liked)|would like (?:more|to (?:have|see|be)|a|some|better)|i suggest|suggestion would be|maybe (?:look|have|more|a|try|consider|some)|please (?:could|can|sort|fix|improve|provide))\b`,
  String.raw`\b(?:would be (?:nice|good|better|helpful) if|wish (?:they|there|the|you|someone)|if only)\b`,
  // Suggestions in their usual grammatical shapes, whatever they are about.
  String.raw`\b(?:would (?:rather|prefer)|it (?:would|might) (?:have been|be) (?:a good idea|nice|good|helpful|useful|better|easier) to|(?:can|could) (?:there|staff|they) (?:please )?(?:be|have|provide|offer|try|explain|listen|consider)|instead of (?:being|having|a|the)|wish (?:i|we|it|my|our) (?:had|could|was|were|would)|not (?:enough|sufficient)|lack of|lacking)\b`,
  String.raw`\b(?:should|could) (?:have )?(?:be(?:en)? )?(?:told|given|offered|informed|explained|asked|checked|seen|called|contacted|updated|kept|listened)\b(?! (?:to )?(?:by )?(?:nothing|no one))`,
  String.raw`\b(?:a (?:bit|little|tad)|slightly|rather|quite|too|very|so|really|extremely|incredibly) (?:cold|hot|noisy|loud|slow|late|rushed|rushing|busy|crowded|cramped|confusing|disorganised|disjointed|expensive|long|lengthy|short|far|difficult|hard|uncomfortable|impersonal|dirty|messy|untidy|boring|stressful|chaotic|repetitive|vague)\b`,
  // A clause that opens with a comparative or a "make sure" is a suggestion: "Quicker response.",
  // "More parking please", "Making sure the dressings are left".
  String.raw`(?:^|[.!?]\s+)(?:more(?! of (?:this|the same|that)| like this)|better|quicker|faster|clearer|longer|shorter|less|fewer|improved?|improving|provide|provision of|having (?:more|a|the|someone|some)|make sure|making sure|ensure|ensuring|to (?:explain|improve|be more|have more|get more|reduce|cut))\b`,
];

/** Answers to "what could be improved?" that mean all was well. */
export const NOTHING_TO_IMPROVE: readonly string[] = [
  String.raw`^\W*(?:nothing|none|no|nope|n\/a|not really|no changes?|nothing at all|nothing really|nothing to (?:improve|add|say)|nothing,? (?:it was|all) (?:perfect|great|good|fine|excellent))\W*$`,
  String.raw`\b(?:can'?t|cannot|could ?n'?t) (?:think of|fault|ask for) (?:anything|a (?:single )?thing|one thing|any ?way|any(?:thing)? (?:better|more)|them|it|the)`,
  String.raw`\b(?:can'?t|cannot|could ?n'?t) (?:improve|better) (?:on )?(?:perfect|perfection|excellence|that|it)\b`,
  String.raw`^\W*(?:nothing|none|no|not really|nothing really|nothing at all)\s*[,.!-]+\s*(?:it was |all |everything was |the |a |an |very |really |just )*(?:excellent|great|good|brilliant|perfect|fantastic|amazing|superb|fine|lovely|wonderful|first class|spot on)\b`,
  String.raw`\bnothing (?:needed|needs|to be|could be|would be|should be) (?:improv|chang|better|done differently)`,
  String.raw`\b(?:could ?n'?t|can'?t|cannot) (?:be|have been) (?:improved|better|faulted)`,
  String.raw`\b(?:keep (?:up the good work|doing what you(?:'re| are) doing|it up)|carry on as you are|nothing (?:to improve|needs? (?:changing|improving)))`,
  String.raw`\b(?:no (?:complaints?|problems?|issues?|improvements? needed)|faultless|first class|second to none)\b`,
  String.raw`\bnothing but (?:praise|good|positive|great|admiration|respect|thanks|kindness)|\bcould ?n'?t (?:have )?(?:asked|wished) for (?:a )?(?:better|more)|\bno fuss\b|\bdidn'?t have to wait\b`,
];

/**
 * Thanks and credit aimed at someone: clear praise whatever words surround it ("thank you for
 * not giving up on me", "credit where it's due", "fair play to the ward"). Not read when the text
 * is sarcastic ("thanks for nothing" is a strong sarcasm cue).
 */
export const GRATITUDE: readonly string[] = [
  String.raw`\b(?:thank ?you|thanks|thankyou|ty|cheers)(?: (?:so|very) much| again| all| both| everyone)?,? (?:to|for)\b(?! nothing)`,
  String.raw`\b(?:massive|huge|big|many|heartfelt|special|so many|a million) thanks\b|\bcan'?t thank (?:you|them|the \w+)(?: \w+){0,3} enough\b|\bforever (?:grateful|thankful)\b`,
  String.raw`\b(?:shout ?out|hats off|credit|kudos|fair play|big up|respect|props) to\b|\bcredit where (?:it'?s|credit'?s) due\b|\bpraise where (?:it'?s )?due\b`,
  String.raw`\b(?:deserves?|deserved) (?:a (?:medal|pay rise|award)|(?:so much )?(?:more )?(?:recognition|praise))\b|\b(?:you'?re|you are|they'?re|they are|are) (?:absolute |real |true )?(?:heroes|stars|angels|legends|a credit)\b`,
  String.raw`\bmade (?:her|his|my|their|our) (?:whole )?(?:day|week|month|year)\b|\b(?:saved|changed) (?:my|his|her|their|our) (?:\w+'?s? )?li(?:fe|ves)\b`,
];

/**
 * A question asking for information ("Does anyone know if ...?", "Can you pay by card at ...?",
 * "Where is ...?"): neutral unless something in it is a complaint. Rhetorical openers ("Why is
 * it ...", "Who signs that off?") are not information requests.
 */
export const INFO_QUESTION: readonly string[] = [
  String.raw`(?:^|[.!?]\s+)(?:(?!why\b|who\b|so\b|how come\b)\S+ )?(?:hi,? |hello,? |quick question,? |question(?: for [^:?]{1,60})?: )?(?:does|do|did|is|are|can|could|may|will|would|where|what(?:'s| is| are|'re)?|which|how (?:long|much|many|do|does|can|early|late|far|often)|when|has|have|anyone|any ?one|any|is there|are there)\b[^.!?]{3,200}\?`,
];

/** Sarcasm that needs no praise word around it ("living the dream", 🙃). */
export const STRONG_SARCASM: readonly string[] = [
  String.raw`\b(?:yeah right|said no one ever|thanks for nothing|cheers for nothing|living the dream|ah the joys|the joys of|what a (?:treat|joy|time to be alive)|slow clap|top work|gold star|genius|really thoughtful|impressive really|love the consistency|might move in|oh joy|bravo)\b`,
  String.raw`(?:^|\s)\/s\b|🙃|🤡|🙄|😒`,
  // A one-word ironic verdict closing a post about a failure: "... held together with tape.
  // Priorities."
  String.raw`(?:^|[.!?]\s+)(?:priorities|progress|classic|typical|genius|cosy|bliss)\s*[.!]*\s*(?:👏\s*)*$`,
];

/**
 * Ironic formulas that are sarcasm on their own, with no bad event named: "nothing says 'we
 * care' like ...", "oh good, another ...", "would recommend to anyone who enjoys ...", "it's the
 * thought that counts".
 */
export const IRONIC_FORMULA: readonly string[] = [
  String.raw`\bnothing says '[^']{2,40}' like\b|\b(?:oh|ah|aah) (?:good|great|yes|joy|lovely|brilliant|fantastic|wonderful|perfect)\b[,!.]`,
  String.raw`\banyone who (?:enjoys|loves|likes|fancies)\b|\bthe thought that counts\b|\bwhat could (?:possibly )?go wrong\b|\b(?:still|clearly) in beta\b`,
];

/** Cues that make praise next to a bad event read as sarcasm ("Brilliant, op cancelled again"). */
export const WEAK_SARCASM: readonly string[] = [
  String.raw`\b(?:another|yet another|again|as always|as usual|love (?:it|that|this|how|the)|loving the|nothing (?:like|says)|just what (?:i|we) needed|so glad|how lovely|well done|nice one|cracking|(?:great|brilliant|fantastic|wonderful|amazing) (?:system|service|planning|organisation)|fab use|five stars|10\/10|would recommend|only \d+)\b`,
  String.raw`(?:^|[.!?]\s+)(?:oh )?(?:great|brilliant|fantastic|wonderful|perfect|lovely|amazing|good|excellent|super|marvellous)\s*[,.!]`,
  String.raw`👏|😂`,
];

/** Bad events that are not failures on their own but are what sarcasm is usually about. */
export const BAD_EVENT: readonly string[] = [
  // Events only: "again" and "another" are cues, and waits or "fine" can be good news.
  String.raw`\blong (?:waits?|queues?|delays?)\b|\bmarked (?:me |him |her |us )?as (?:a )?'?(?:did not attend|dna|no[- ]show)|\b(?:jammed|engaged|out of order|never (?:arrived|came))\b|\bheld together with\b`,
  String.raw`\b(?:broken|lost|missing|wrong|cancel+(?:ed|ing|s)?|late|queue|on hold|corridor|trolley|parking charge|standing room|day after|night before|no one|nobody|nowhere|in a row|second time|third time|fourth|\d+(?:st|nd|rd|th) hour|\d+ hours?|\d+ hrs)\b`,
];

export const PRAISE_WORDS: ReadonlySet<string> = new Set([
  'great',
  'brilliant',
  'fantastic',
  'amazing',
  'love',
  'loving',
  'lovely',
  'perfect',
  'wonderful',
  'superb',
  'fab',
  'awesome',
  'excellent',
  'thanks',
  'thank',
  'cheers',
  'nice',
  'good',
  'best',
  'fun',
  'glad',
  'impressive',
  'impressed',
  'bravo',
  'congratulations',
  'delighted',
]);

const FAILURE_RE = compilePatterns(SERVICE_FAILURE);
const GRATITUDE_RE = compilePatterns(GRATITUDE);
const IRONIC_RE = compilePatterns(IRONIC_FORMULA, 'g');
const INFO_QUESTION_RE = compilePatterns(INFO_QUESTION, '');
const IMPROVE_RE = compilePatterns(IMPROVEMENT_REQUEST);
const NOTHING_RE = compilePatterns(NOTHING_TO_IMPROVE, 'gm');
const NOTHING_ONE_RE = compilePatterns(NOTHING_TO_IMPROVE, 'm');
const STRONG_SARCASM_RE = compilePatterns(STRONG_SARCASM, 'gu');
const WEAK_SARCASM_RE = compilePatterns(WEAK_SARCASM, 'gu');
const BAD_EVENT_RE = compilePatterns(BAD_EVENT, '');
const CONTRAST_RE =
  /\b(?:but|however|although|though|despite|except|apart from|other than|aside from)\b/;

function matches(re: RegExp, text: string): string[] {
  re.lastIndex = 0;
  let out: string[] = EMPTY;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (out === EMPTY) out = [];
    out.push(m[0].trim());
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
const EMPTY: string[] = [];

// "not rude", "wasn't awful": a one-word verdict right after a negator is not a failure (phrases
// that begin with their own negator, "not been seen", are matched as written).
const NEGATED_BEFORE_RE = /(?:\bnot|n't|\bnever|\bnor)\s+(?:\w+\s+)?$/;

function unnegatedMatches(re: RegExp, text: string): string[] {
  re.lastIndex = 0;
  let out: string[] = EMPTY;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = m[0].trim();
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (word.includes(' ') || !NEGATED_BEFORE_RE.test(before)) {
      if (out === EMPTY) out = [];
      out.push(word);
    }
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const SENTENCE_RE = /[^.!?\n]+[.!?\n]*/g;

function withoutNothingSentences(text: string): string {
  return text.replace(SENTENCE_RE, (sentence) =>
    NOTHING_ONE_RE.test(sentence) ? ' . ' : sentence,
  );
}

export interface RuleResult {
  failures: string[];
  improvements: string[];
  nothingToImprove: string[];
  /** Sarcasm: praise words here are read as complaint. */
  sarcasm: boolean;
  sarcasmCues: string[];
  /** Whether the text contrasts praise with criticism ("but", "however"): a genuine mix. */
  contrast: boolean;
  /** Thanks or credit given to someone (empty when the text is sarcastic). */
  gratitude: string[];
  /** The text asks for information. */
  infoQuestion: boolean;
}

export function applyRules(original: string, hasPraise: boolean): RuleResult {
  const text = original.toLowerCase();
  const failures = unnegatedMatches(FAILURE_RE, text);
  const nothingToImprove = matches(NOTHING_RE, text);
  // "I can't think of a single thing that should be better": in a sentence that says nothing needs
  // improving, the improvement words are part of the praise.
  const improvements =
    nothingToImprove.length === 0
      ? matches(IMPROVE_RE, text)
      : matches(IMPROVE_RE, withoutNothingSentences(text));
  const contrast = CONTRAST_RE.test(text);
  let sarcasmCues = EMPTY;
  let sarcasm = false;
  const bad = failures.length > 0 || BAD_EVENT_RE.test(text);
  const ironic = matches(IRONIC_RE, text);
  if (ironic.length > 0) {
    sarcasm = true;
    sarcasmCues = ironic;
  } else if (bad) {
    // Sarcasm: a strong cue next to a bad event ("number 47 in the queue. Living the dream."),
    // praise with a weaker cue ("Brilliant, op cancelled again"), or praise around a failure
    // with nothing contrasting the two ("Great, 14 hours on a trolley").
    const strong = matches(STRONG_SARCASM_RE, text);
    const weak = hasPraise ? matches(WEAK_SARCASM_RE, text) : EMPTY;
    sarcasmCues = strong.length > 0 ? [...strong, ...weak] : weak;
    sarcasm =
      strong.length > 0 ||
      (hasPraise && weak.length > 0 && !contrast) ||
      (hasPraise && failures.length > 0 && !contrast);
  }
  const gratitude = sarcasm ? EMPTY : matches(GRATITUDE_RE, text);
  const infoQuestion = text.includes('?') && INFO_QUESTION_RE.test(text);
  return {
    failures,
    improvements,
    nothingToImprove,
    sarcasm,
    sarcasmCues,
    contrast,
    gratitude,
    infoQuestion,
  };
}
