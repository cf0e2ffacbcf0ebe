import type { PatternGroup } from './safeguarding-patterns.ts';

// Patient safety: death, serious harm, wrong medication, misdiagnosis, data breach.
// Matched case-insensitively on the normalised text.
export const PATIENT_SAFETY: readonly PatternGroup[] = [
  {
    name: 'death',
    patterns: [
      String.raw`\b(?:died|death|deaths|passed away|stillborn|stillbirth|fatal\w*)\b`,
      String.raw`\b(?:is|was|found|pronounced|declared) dead\b`,
      String.raw`\blost (?:my|our|his|her|their) (?:mum|dad|son|daughter|baby|wife|husband|father|mother|brother|sister|grandad|grandma|nan|gran|partner|child)\b(?!['’]s)`,
    ],
  },
  {
    name: 'serious harm',
    patterns: [
      String.raw`\bserious(?:ly)? (?:harm|injur\w*|incident|untoward)|\bnever event`,
      String.raw`\b(?:brain damage\w*|paralys\w*|amputat\w*|permanent(?:ly)? (?:damage|disabled|harm)|life[- ]changing (?:injur\w*|harm)|left disabled)`,
      String.raw`\b(?:nearly|almost|could have|could've) (?:died|killed|lost (?:him|her|them|my|our))`,
      String.raw`\b(?:fell (?:out of|off) (?:the |a |his |her )?(?:bed|trolley|chair)|had a fall on the ward|fall on the ward)`,
      String.raw`\b(?:sepsis|stroke|heart attack|fracture|meningitis|cancer|appendicitis|broken \w+) (?:was |were )?(?:missed|not spotted|undiagnosed)`,
      String.raw`\bmissed (?:sepsis|a fracture|the fracture|a stroke|the stroke|heart attack|meningitis|cancer|appendicitis|diagnosis)`,
    ],
  },
  {
    name: 'medication error',
    patterns: [
      String.raw`\b(?:wrong|incorrect) (?:medication|medicine|meds|drugs?|dose|dosage|prescription|tablets?|insulin|injection|blood|patient|leg|arm|side|eye|kidney|operation)`,
      String.raw`\b(?:medication|drug|prescribing|dispensing) (?:error|mistake|mix-up)`,
      String.raw`\b(?:given|gave (?:him|her|me|them)) (?:someone else's|another patient's|the wrong)`,
      String.raw`\b(?:double|overdose of|too much) (?:dose|insulin|morphine|medication)|\boverdosed by\b`,
      String.raw`\ballergic to\b[^.!?]{0,40}\b(?:still|anyway|gave|given)\b|\b(?:despite|even though)\b[^.!?]{0,40}\ballergic\b`,
      String.raw`\b(?:another|someone else'?s|other) patient'?s (?:tablets|medication|medicine|meds|drugs|injection|blood)`,
    ],
  },
  {
    name: 'misdiagnosis',
    patterns: [
      String.raw`\bmisdiagnos\w*|\bwrong(?:ly)? diagnos\w*|\bmissed diagnos\w*`,
      String.raw`\bsent (?:home|away)\b[^.!?]{0,50}\b(?:turned out|actually had|was actually|it was (?:sepsis|a stroke|a heart attack|broken|fractured|meningitis|appendicitis))`,
      String.raw`\b(?:said|told (?:me|us|him|her)) (?:it was|it's|he had|she had) (?:just |only )?(?:a |an )?(?:sprain|virus|migraine|anxiety|bruise|a bug|indigestion|constipation|wind)\b`,
      String.raw`\bturned out (?:to be|it was|he had|she had|i had)\b(?!\s*(?:nothing|fine|ok|okay))`,
      String.raw`\b(?:days?|weeks?) later\b[^.!?]{0,40}\b(?:admitted|diagnosed|rushed)\b|\bsent home with (?:a |an )?(?:broken|fractured)\b`,
      String.raw`\btold (?:me |us |him |her )?(?:it was|it's) (?:just|only|nothing)\b[^.!?]{0,50}\b(?:turned out|actually|was (?:sepsis|cancer|a stroke|broken))`,
    ],
  },
  {
    name: 'data breach',
    patterns: [
      String.raw`\bdata (?:breach|leak|protection breach)`,
      String.raw`\b(?:records?|notes|letters?|results|details|information|files?) (?:were |was )?(?:sent|given|posted|emailed|shown|read out|left) (?:to|out|in|on) (?:the )?(?:wrong|another|someone else|a stranger|public|reception)`,
      String.raw`\b(?:breach(?:ed)? (?:of )?(?:my |patient )?(?:privacy|confidentiality)|confidentiality (?:breach|was broken))`,
      String.raw`\b(?:shared|leaked|discussed) my (?:details|records|information|diagnosis)`,
    ],
  },
];
