// Safeguarding signals. These must never be missed, so the lists prefer recall: a comms officer
// reading a false alarm costs a minute, a missed disclosure can cost a life. Each group is a list
// of patterns you can read and extend; every pattern is matched case-insensitively on the
// normalised text (curly quotes straightened, hashtags split into words).
//
// Known idioms that are NOT signals are excluded where it is cheap ("killing myself laughing",
// "dying for a coffee" never matches because "dying for" is not listed).

export interface PatternGroup {
  name: string;
  patterns: readonly string[];
}

const ME = String.raw`(?:my ?self|meself|myslef)`;
const KIN = String.raw`(?:mum|mom|dad|son|daughter|wife|husband|partner|child|children|kids?|baby|nan|nana|gran|grandad|grandma|grandmother|grandfather|brother|sister|mother|father|mam|auntie|uncle|friend|neighbour)`;
const HIM_HER = String.raw`(?:me|her|him|them|us|(?:my|our|his|her|their) ${KIN}|a patient|patients|the patient|a child|children|kids|residents?|a resident|a nurse|nurses|staff)`;

export const SAFEGUARDING: readonly PatternGroup[] = [
  {
    name: 'suicide or self-harm',
    patterns: [
      String.raw`\bsuicid\w*`,
      String.raw`\bself[ -]?harm\w*`,
      String.raw`\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|burn|burning|starve|starving|hang|hanging|drown|drowning) ${ME}\b(?! laughing)`,
      String.raw`\b(?:end|ending|take|taking) (?:it all|my (?:own )?life|my life|things)\b`,
      String.raw`\b(?:want|wanted|wanting|going|ready|planning|plan|deserve) to die\b`,
      String.raw`\bwish (?:i was|i were|i'd) (?:dead|never born)|\bwish i could (?:just )?(?:die|disappear)`,
      String.raw`\b(?:don'?t|do not|dont) want to (?:live|be alive|be here anymore|wake up)`,
      String.raw`\bno (?:reason|point) (?:to|in) (?:live|living|go(?:ing)? on|carry(?:ing)? on)`,
      String.raw`\bbetter off (?:dead|without me)`,
      String.raw`\b(?:overdos\w*|took (?:all )?(?:my|the) (?:pills|tablets))`,
      String.raw`\bjump(?:ing)? (?:off|in front of)`,
      String.raw`\bcan'?t (?:go on|take (?:it|this) any ?more|cope any ?more|do this any ?more)`,
      String.raw`\b(?:i'?m|im|i am) not (?:ok|okay|coping|safe|alright)\b`,
      String.raw`\b(?:goodbye|bye) (?:everyone|world|all)\b|\bthis is my last (?:post|message|tweet)`,
      // Quieter disclosures: giving up on life, farewells, not trusting oneself.
      String.raw`\b(?:don'?t|do not|dont|can'?t|cannot) (?:really |even )?see (?:the|any) point (?:any ?more|in (?:anything|living|life|going on|carrying on|being here)|of (?:anything|living|life|going on))`,
      String.raw`\b(?:said|say|saying) my goodbyes\b|\bwritten (?:my )?(?:goodbye|farewell) (?:letters?|notes?)|\bgiv(?:en|ing) away my (?:things|stuff|belongings)`,
      String.raw`\b(?:don'?t|do not|dont|can'?t|cannot) (?:really |fully )?trust ${ME}\b`,
      String.raw`\bmental health crisis(?! caf)|\bcrisis (?:team|line)\b|\b(?:i am|i'm|im|he is|she is|he's|she's|they are|they're) in crisis\b`,
    ],
  },
  {
    name: 'abuse',
    patterns: [
      String.raw`\b(?<!(?:substance|alcohol|drug|drugs|solvent) )abus(?:e|ed|es|ing|ive|er)\b`,
      String.raw`\b(?:sexual(?:ly)? (?:assault|abus|harass|touch)\w*|rap(?:e|ed|ist)\b|molest\w*|groom(?:ed|ing)\b|grop(?:e|ed|ing)\b)`,
      String.raw`\btouch(?:ed|ing|es)?\b[^.!?]{0,30}\binappropriately|\binappropriate(?:ly)? touch\w*|\btouched (?:me|her|him|them) up\b`,
      String.raw`\b(?:being|been|getting|gets|got) (?:hurt|hit|beaten|beaten up|abused|harmed|slapped|kicked|punched|pushed around|bullied|threatened|neglected|shouted at and pushed)\b`,
      String.raw`\b(?:pushed around|pushed about|knocked about|slapped about)\b`,
      String.raw`\bcontrols? (?:all )?(?:her|his|my|their) (?:money|finances|phone|benefits|pension)|\bwon'?t let (?:her|him|me|them) (?:see|go|leave|speak|talk|out|have)`,
      String.raw`\b(?:domestic (?:violence|abuse)|coercive control|controlling partner)`,
      String.raw`\b(?:hit|hits|hitting|beat|beats|beaten|beating|slapped|slaps|punched|punches|kicked|kicks|strangled|choked|shoved|pushed|restrained|bruised|grabbed|bit|spat at) ${HIM_HER}\b`,
      String.raw`\bassault(?:ed|s|ing)?\b`,
      // Rough handling seen by a witness: "grabbed his arm", "yanked her by the hair".
      String.raw`\b(?:grabbed|grabbing|grabs|yank|yanks|yanked|yanking|twisted|twisting|dragged|dragging|shook|shaking|squeezed|pinched) (?:(?:him|her|them|(?:my|his|her|their|the|a) (?:\w+ )?\w+) (?:by|round) (?:the )?|(?:his|her|their|my)(?: (?:\w+ )?\w+'s)? )(?:arms?|wrists?|neck|throat|hair|face|ears?|shoulders?|legs?)\b`,
      String.raw`\bshak(?:e|es|ing|en)\b[^.!?]{0,15}\b(?:the|a|my|his|her|their) baby\b|\bshook (?:the|a|my|his|her|their) baby\b`,
      // Silencing and fear of telling: "told her to keep quiet", "scared to talk about it".
      String.raw`\b(?:told|tells|telling|warned|made) (?:her|him|them|me|my \w+) (?:to )?(?:keep (?:quiet|it (?:quiet|a secret|secret)|(?:her|his|their|my) mouth shut)|not (?:to )?tell (?:anyone|anybody))`,
      String.raw`\b(?:scared|afraid|frightened|terrified|too scared) to (?:talk|speak|say|tell|go home|be left)\b|\bour (?:little )?secret\b`,
      String.raw`\b(?:covered in|unexplained|mysterious|fingertip|finger ?mark) bruis\w*|\bbruises? (?:on|all over) (?:her|his|their) (?:arms?|wrists?|neck|face|thighs?|legs?|body)`,
      // One person answering for another, or keeping them from being seen alone.
      String.raw`\b(?:won'?t|wouldn'?t|doesn'?t|didn'?t|never|will not|would not|does not|did not) (?:let|allow) (?:her|him|them|me) (?:to )?(?:speak|talk|be seen|be alone|answer|go anywhere)`,
      String.raw`\b(?:answered|answers|answering|spoke|speaks|speaking|talked|talks) (?:every (?:question )?|all the questions |everything )?for (?:her|him|them)\b`,
      // Sedation or restraint to make someone easier to look after.
      String.raw`\b(?:sedat\w*|drugg(?:ed|ing)|chemical(?:ly)? restrain\w*)\b[^.!?]{0,50}\b(?:easier to (?:manage|handle|deal with)|keep (?:him|her|them) (?:quiet|calm|down)|out of the way|less trouble)`,
      String.raw`\bkeep(?:s|ing)? (?:sedating|drugging|restraining|tying)\b|\b(?:tied|strapped) (?:him|her|them|my \w+) (?:to|down)\b`,
      String.raw`\b(?:stealing|stole|steals|taking|took|takes) (?:money|cash|pension|benefits|bank card)\b`,
      String.raw`\b(?:stealing|stole|steals) from ${HIM_HER}`,
      String.raw`\bfinancial(?:ly)? (?:abus|exploit)\w*`,
      String.raw`\b(?:scared|afraid|frightened|terrified) of (?:him|her|them|(?:my|his|their) (?:partner|husband|wife|boyfriend|girlfriend|carer|dad|father|mum|mother|son|daughter|stepdad))`,
    ],
  },
  {
    // Adults, staff included, contacting a child or a patient outside care: messages, social
    // media, gifts, meeting up. "She's a child" is itself a disclosure.
    name: 'grooming or inappropriate contact',
    patterns: [
      String.raw`\b(?:messag|text|dm|direct messag|snapchatt?|whatsapp|contact|follow|add|friend request|send|sent)\w* (?:to )?(?:my|our|his|her|their|a|the) (?:\d{1,2}[ -]?(?:year|yr)s?[ -]?old |teenage |teen |young |little |underage )?(?:daughter|son|girl|boy|child|kid|teen\w*|niece|nephew|granddaughter|grandson|pupil|patient)\b[^.!?]{0,60}\b(?:on|via|through|over) (?:instagram|insta|snapchat|snap|tiktok|facebook|fb|whatsapp|social media|discord|messenger|twitter|x|text|her phone|his phone)\b`,
      String.raw`\b(?:messag|text|dm|contact)\w* (?:my|our|his|her|their|a) (?:\d{1,2}|thirteen|fourteen|fifteen|sixteen|seventeen)[ -]?(?:year|yr)s?[ -]?old\b`,
      String.raw`\b(?:she|he|they)(?:'s| is| are|'re) (?:only )?(?:a child|a minor|underage|under ?age|just a (?:kid|child|girl|boy)|only (?:1[0-7]|[1-9]|thirteen|fourteen|fifteen|sixteen|seventeen))\b`,
      String.raw`\b(?:inappropriate|sexual|explicit|creepy) (?:messages?|texts?|photos?|pictures?|pics|comments?|contact|relationship|behaviour|advances)\b`,
      String.raw`\b(?:asked|asking|asks|pressur\w*) (?:her|him|them|my \w+) (?:for|to send) (?:photos|pictures|pics|nudes|selfies)|\bsend(?:ing)? (?:her|him) (?:gifts|presents|money)\b`,
    ],
  },
  {
    name: 'neglect',
    patterns: [
      String.raw`\bneglect\w*`,
      String.raw`\bleft (?:in|on) (?:her|his|their|a|the|my) (?:chair|bed|commode|floor|trolley) for\b|\b(?:wet|soiled) (?:him|her|my|them|your)sel(?:f|ves)\b`,
      String.raw`\bleft (?:lying )?in (?:(?:her|his|their|my|own|the) )?(?:own )?(?:urine|faeces|feces|poo|wee|soiled|dirty|wet)\w*`,
      String.raw`\b(?:bed|pressure) sores?\b`,
      String.raw`\b(?:dehydrated|malnourish\w*)\b|\bstarv(?:ed|ing) (?:for days|of food)`,
      String.raw`\b(?:not|never|wasn'?t|weren'?t|hadn'?t been|hasn'?t been) (?:been )?(?:fed|washed|changed|turned(?! up)|given (?:any )?(?:food|water|a drink|a wash))\b`,
      String.raw`\b(?:no|without) (?:food|water|a drink|fluids)\b[^.!?]{0,25}\b(?:for|in) (?:\d+|two|three|hours|days|a day)`,
      String.raw`\b(?:was|were|been|is|being) left on the floor|\bleft (?:him|her|them|my \w+) on the floor|\bon the floor for (?:hours|\d+)|\bleft alone for (?:hours|days)`,
      String.raw`\bfound (?:him|her|them|my \w+) (?:on the floor|soaked|covered in)`,
    ],
  },
  {
    name: 'child or adult at risk',
    patterns: [
      String.raw`\bsafeguard\w*`,
      String.raw`\b(?:child|children|kid|kids|baby|toddler|teenager|adult|person|patient|mum|dad|nan|gran) (?:is |was |are |were )?(?:at risk|in danger|unsafe|not safe)\b`,
      String.raw`\b(?:is|are|was|were) at risk of (?:harm|abuse|neglect|exploitation)`,
      String.raw`\bvulnerable (?:adult|person|patient|child|woman|man|people)`,
      String.raw`\b(?:missing (?:patient|person|child)|wandered off|absconded)\b`,
      String.raw`\b(?:he|she|they|patient|child|kid|dad|mum|mother|father|nan|gran|grandad|grandma|son|daughter|husband|wife|man|woman|boy|girl|resident) (?:has |have |had )?(?:went|gone|go|goes) missing`,
      String.raw`\bunsafe discharge|\bdischarged\b[^.!?]{0,70}\b(?:at (?:[1-5] ?am|midnight|night)|to an empty house|with no (?:one|transport|medication|care|support)|with nowhere to (?:go|stay|sleep)|alone)`,
      String.raw`\b(?:nowhere|no ?where) (?:safe )?to (?:go|stay|sleep) (?:tonight|now)|\bsleeping (?:rough|outside|in (?:my|the) car)\b`,
      // A witness's unease is worth a look: "something didn't feel right".
      String.raw`\bsomething(?<=(?:^|[.!?]\s{1,3})something) (?:didn'?t|doesn'?t|did not|does not|wasn'?t|isn'?t) (?:feel|seem|look|sit) right\b|\b(?:didn'?t|did not) (?:feel|seem) safe (?:leaving|to leave) (?:her|him|them)\b`,
      String.raw`\b(?:fgm|female genital mutilation|forced marriage|modern slavery|trafficked|trafficking|county lines|cuckooing|exploited|exploitation)\b`,
      String.raw`\b(?:social services|police) (?:were|was|have been|need to be|should be) (?:called|involved|informed)`,
    ],
  },
  {
    name: 'threat of violence',
    patterns: [
      String.raw`\b(?:i'?ll|i will|i'?m going to|im going to|i'm gonna|im gonna|gonna|going to|i'd|someone should|somebody should|should)\s+(?:kill|stab|shoot|hurt|batter|smash|attack|burn|bomb|knife|punch|deck|glass|strangle)\s+(?:you|u|them|him|her|the|every|some|someone|somebody|that|those|this|staff|a nurse|a doctor|doctors|nurses)\b`,
      String.raw`\b(?:kill|stab|shoot|strangle|knife)\s+(?:you|u|them|him|her|the|every|some|someone|somebody|that|those|this|staff|a nurse|a doctor|doctors|nurses|everyone|all)\b`,
      String.raw`\b(?:bomb (?:the|that|this)|shoot (?:up )?the|burn (?:\w+ ){0,3}down\b|blow (?:\w+ ){0,3}up\b)`,
      String.raw`\b(?:deserve|deserves|ought) to (?:die|be shot|be killed|be hanged|be stabbed|be attacked)`,
      String.raw`\b(?:watch your back|know where (?:you|she|he|they) live|you'?ll regret|coming for (?:you|them))`,
      String.raw`\bthreat(?:en|ened|ening|s)? (?:to )?(?:kill|stab|hurt|harm|staff|nurses|doctors|me|us|my|her|him|violence)|\bthreatening (?:behaviour|me|staff|nurses)`,
      String.raw`\b(?:brought|bring|brandish\w*|pulled|pulling|carrying|carries|has|had|with) an? (?:knife|gun|weapon|machete|blade)`,
    ],
  },
];
