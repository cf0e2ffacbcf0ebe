import type { TextRule } from '../rule-table.ts';

/**
 * Words that name what went wrong in someone's experience of a service, beyond the sentiment
 * rules' service failures: the evidence a complaint flag shows an officer (never a pronoun).
 */
export const COMPLAINT_CUE: TextRule = {
  id: 'complaint.named-failure',
  meaning:
    'a failure of the service named in words: nobody came, still not, turned away, lost, ignored',
  pattern: [
    String.raw`\b(?:still (?:hasn'?t|haven'?t|has not|have not|not|no|waiting|nothing)|no (?:one|body)(?: from \w+)? (?:came|comes|has|have|will|would|answered|called|rang|checks?|checked|explained|listened|told)|nobody (?:came|comes|has|have|will|would|answered|called|rang|checks?|checked|explained|listened|told)|none came)\b`,
    String.raw`\bnever (?:turned|came|called|rang|answered|replied|arrived|followed|told|checked)\b|\bwithout (?:anyone|anybody|any) (?:explaining|checking|telling|asking)\b`,
    String.raw`\b(?:went missing|go missing|gone missing|turned away|laughed at|talk(?:ed)? over|spoke to (?:me|him|her|us) like|rip[- ]?off|not impressed|lack of|sort (?:your|their|it|this) \w+(?: \w+)? out|need to sort|shouldn'?t have to|fobbed off|passed (?:back and forth|from pillar to post)|auto-?reply|nothing else|nothing on the|got through|no notice|told (?:them|you|the \w+) (?:\w+ )?times)\b`,
    String.raw`\b(?:told|sent) (?:me |us |her |him )?(?:to stay at home|home with)\b|\bno (?:patience|compassion|empathy|apology|explanation|response|reply|answer)\b`,
    String.raw`\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:hours|hrs|days|weeks|months)\b[^.!?]{0,40}\b(?:still|not seen|no (?:one|reply|call|answer|appointment)|nothing|waiting)\b`,
  ].join('|'),
  matches: [
    'asked three nurses for water. none came.',
    "northfield still haven't given me an appointment",
    'got turned away at the door',
    'no one from northfield has called me back',
    '5hrs n still not seen',
  ],
  mustNotMatch: ['the nurse came straight away', 'still smiling after my op'],
};
