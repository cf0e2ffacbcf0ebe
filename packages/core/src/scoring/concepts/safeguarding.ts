import type { TextRule } from '../rule-table.ts';

// What is happening to someone at risk: secret or online contact with a child, signs of harm,
// neglect, control, sedation to manage, and stated intent of suicide or self-harm in any wording.

export const SECRET_CONTACT: TextRule = {
  id: 'what.secret-contact',
  meaning: 'contact with a young person online, in secret, or by an adult "boyfriend"',
  pattern: [
    String.raw`\b(?:snapchat\w*|whatsapp\w*|instagram|insta|tiktok|dms?|dm'?ing|messag\w*|texting|texts? (?:her|him))\b`,
    String.raw`\bsending (?:her|him) (?:kisses|pictures|photos|pics|gifts)\b|\basked (?:her|him|my \w+(?: \w+)?) for (?:her|his|their) (?:number|pictures|photos|pics)\b`,
    String.raw`\b(?:not to tell|don'?t tell|our (?:little )?secret|friend request|added (?:her|him) on)\b`,
    String.raw`\b(?:\d\d[ -]?year[ -]?old|older|adult) ['"]?(?:boyfriend|girlfriend)\b|\bpicks (?:her|him) up\b`,
    String.raw`\b(?:taking|took) (?:photos|pictures|pics|videos) of (?:the )?(?:kids|children|girls|boys)\b`,
  ].join('|'),
  matches: [
    'keeps snapchatting my 13 year old',
    'has been sending her kisses on whatsapp',
    'the 30 year old "boyfriend" picks her up',
    'was taking photos of the kids',
  ],
  mustNotMatch: ['sent me a letter', 'the boyfriend waited outside'],
};

export const HARM_SIGNS: TextRule = {
  id: 'what.harm-signs',
  meaning: 'physical signs of abuse or rough handling, or fear of someone',
  pattern: [
    String.raw`\bmarks on (?:\w+ ){0,2}(?:wrists?|arms?|neck|legs?)\b|\b(?:held|pinned|holding|pinning) (?:her |him |them )?down\b`,
    String.raw`\bfingertip bruis\w*|\bbruis\w* (?:on|all over|up) (?:her|his|their|both)\b|\bunexplained (?:bruis\w*|injur\w*|marks)\b`,
    String.raw`\bburn shaped like|\bcigarette burns?\b|\bburns (?:him|her|them) with\b|\bblack eye\b`,
    String.raw`\bslap(?:ped|s|ping)? (?:a |an |the |her |his |my |their )?(?:\w+ )?(?:patient|resident|hand|face|child|baby|her|him)\b`,
    String.raw`\bflinch\w*|\blong sleeves in summer\b|\b(?:scared|frightened|terrified) (?:of (?:him|her|them|going home)|to go home)\b`,
    String.raw`\bcall(?:ed|ing)? her a stupid\b|\bshak(?:ing|en|e|ed) (?:the |a |her |his )?baby\b`,
  ].join('|'),
  matches: [
    "she's got marks on both wrists like she's been held down",
    'fingertip bruises on her upper arms',
    'a burn shaped like an iron',
    "saw a porter slap an elderly patient's hand",
    'she flinches when anyone raises their voice',
  ],
  mustNotMatch: ['bruised my knee playing football', 'top marks for the staff'],
};

export const NEGLECT: TextRule = {
  id: 'what.neglect',
  meaning: 'someone dependent left without care: alone for days, no food, left soiled, sores',
  pattern: [
    String.raw`\bleft (?:on (?:their|his|her) own|alone|home alone|by themselves)(?: \w+){0,2} for (?:days|hours|the night|the weekend|a week)\b`,
    String.raw`\bno food in the house\b|\bnot (?:been )?fed\b|\bsoiled\b|\b(?:sat|lying|left) in (?:his|her|their) own (?:urine|faeces|mess|wee)\b|\b(?:pressure |bed ?)?sores all over\b`,
  ].join('|'),
  matches: ['kids are left on their own for days', 'left in soiled sheets', 'had sores all over'],
  mustNotMatch: ['left alone to rest for an hour', 'no food after midnight before surgery'],
};

export const CONTROL: TextRule = {
  id: 'what.control',
  meaning: 'one person controlling another: who they see, what they say, their phone or money',
  pattern: [
    String.raw`\b(?:won'?t|doesn'?t|does not|will not|never) let (?:her|him|them) (?:go|see|speak|talk|leave|have|be seen|answer)\b`,
    String.raw`\bnot allowed to (?:see|speak|go|talk|leave|have|answer)\b|\b(?:wouldn'?t|won'?t) let (?:her|him|them) answer\b`,
    String.raw`\banswers (?:every question|everything|all the questions)? ?for (?:her|him|them)\b|\banswers every question\b`,
    String.raw`\btakes? (?:her|his|their) (?:phone|bank card|money|passport|benefits)\b|\btaking money (?:out of|from)\b|\bcontrols (?:her|his|their) money\b|\bmakes (?:her|him) wear\b`,
    String.raw`\b(?:keeps|kept|keeping) (?:him|her|them|my \w+) sedated\b|\bsedated so (?:he|she|they)\b`,
  ].join('|'),
  matches: [
    "won't let her go to her scans alone",
    'answers every question for her',
    'takes her phone and her bank card',
    'has been taking money out of her account',
    'keeps my dad sedated',
  ],
  mustNotMatch: ['let her go home early', 'the nurse answered every question'],
};

export const SUICIDE_INTENT: TextRule = {
  id: 'what.suicide-intent',
  meaning: 'a stated plan or intent of suicide or self-harm, in any wording',
  pattern: [
    String.raw`\b(?:saved|saving|stockpil\w*|hoard\w*) (?:up )?(?:enough |all )?(?:my |the )?(?:tablets|pills|meds|paracetamol)\b|\b(?:got|collected|have) (?:enough|all the) (?:tablets|pills|meds|paracetamol)\b`,
    String.raw`\bwhen i do it\b|\bi'?(?:ve| have) decided\b[^.!?]{0,60}\b(?:do it|end it|tonight|weekend)\b`,
    String.raw`\b(?:written|wrote|writing) (?:my |a )?(?:letters?|notes?)\b[^.!?]{0,30}\b(?:to|for) (?:the kids|my|everyone)|\bi'?ve written a note\b`,
    String.raw`\b(?:got|bought|have) (?:the |a )rope\b|\b(?:drive|driving|go|going|walk|walking) (?:to|off) the (?:bridge|cliff|railway|tracks)\b`,
    String.raw`\bno point (?:anyone|anybody) stopping me\b|\bi'?m done\W*$`,
    String.raw`\b(?:wants?|wanted|going|planning|plan) to end (?:her|his|my|their) (?:own )?life\b|\b(?:been|is|was|started|keeps) cutting\b`,
    String.raw`\btake all (?:my|the|of my) (?:pills|tablets|meds)\b|\bworked out how (?:i'?d|i would|to) do it\b|\bbetter off without me\b`,
  ].join('|'),
  matches: [
    "i've saved up enough tablets and i've decided this weekend is when i do it",
    'going to drive to the bridge tonight',
    "she's been cutting and wants to end her life",
    "i've got the rope",
    "i'm going to take all my pills tonight",
  ],
  mustNotMatch: ['collected my tablets from the pharmacy', 'the bridge is closed for works'],
};
