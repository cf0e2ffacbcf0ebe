import type { TextRule } from '../rule-table.ts';

// What is happening to a building or its supplies that puts patients in danger: fire, smoke,
// water on electrics, evacuation, power or oxygen failing, a structure giving way.

export const FIRE_SMOKE: TextRule = {
  id: 'hazard.fire-smoke',
  meaning: 'fire, flames, smoke or a burning smell, or alarms that are not a drill',
  pattern: [
    String.raw`\b(?:on fire|caught fire|a fire in|fire in the|fire on|fire at|flames?|blaze)\b`,
    String.raw`\bsmoke (?:coming|pouring|billowing|everywhere|in|from|out)\b|\b(?:full of|filled with|thick) smoke\b|\bsmoke,`,
    String.raw`\b(?:burning smell|smell of burning|smells? (?:like|of) burning|sparks? (?:coming|flying))\b|\bsparks\b`,
    String.raw`\bnot a drill\b`,
  ].join('|'),
  matches: [
    "there's smoke coming out of the ceiling",
    'flames coming from the roof',
    'strong burning smell in the corridor',
    "staff say it's not a drill",
    'sparks coming out of the plug',
  ],
  mustNotMatch: [
    'fire safety training on Tuesday',
    'a smoke-free site',
    'the fire alarm test at 10am',
    'fired up for the fun run',
  ],
};

export const WATER_POWER: TextRule = {
  id: 'hazard.water-power',
  meaning:
    'flooding, water pouring onto a ward or electrics, power or a generator failing, a ceiling down',
  pattern: [
    String.raw`\b(?:flooded|flooding|under water|underwater|burst pipe|burst main)\b`,
    String.raw`\bwater (?:is |was |has been )?(?:pouring|leaking|running|coming|dripping|gushing|all over)\b`,
    String.raw`\bceiling (?:has |had )?(?:collapsed|caved|come down|fallen)\b`,
    String.raw`\b(?:power|electricity|lights)(?:'s| is| has| have)? (?:gone|went|go|cut|failed) (?:off|out)?|\bpower (?:cut|failure|outage)\b|\bgenerator (?:hasn'?t|has not|didn'?t|failed|isn'?t|not)\b`,
    String.raw`\boxygen\b[^.!?]{0,30}\b(?:ran|run|running|has run|had run) out\b|\bran out of oxygen\b|\bgas leak\b`,
  ].join('|'),
  matches: [
    'water is pouring through the light fittings',
    'basement flooded overnight',
    "power's gone off across the hospital",
    "the oxygen in my dad's cylinder ran out",
  ],
  mustNotMatch: ['flood defence work begins', 'drink plenty of water', 'the power of kindness'],
};

export const EVACUATION: TextRule = {
  id: 'hazard.evacuation',
  meaning: 'patients being evacuated or moved out in an emergency',
  pattern: String.raw`\b(?:evacuating|evacuated|being evacuated|evacuate the|everyone (?:is |being )?(?:moved|wheeled|sent) out|patients (?:being )?wheeled outside)\b`,
  matches: [
    'they are evacuating the whole ward',
    'everyone being moved out',
    'patients being wheeled outside',
  ],
  mustNotMatch: ['no need to evacuate', 'new fire evacuation chairs'],
};

export const THREAT: TextRule = {
  id: 'hazard.threat',
  meaning:
    'a threat to life or of violence: a weapon, a threat to hurt or kill, an assault on staff, a danger someone will die',
  pattern: [
    String.raw`\b(?:knife|knives|gun|machete|bomb|explosive)\b(?! crime| awareness| amnesty)`,
    String.raw`\b(?:threaten\w*|threats? to (?:kill|hurt|burn|stab))\b`,
    String.raw`\b(?:someone|somebody|a patient|a child|people)(?:'s| is| are| will| could)? (?:going to |gonna |will |gets? |get |be )?(?:get |be )?(?:killed|hurt|die|fall)\b`,
    String.raw`\b(?:he'?ll|she'?ll|i'?ll|they'?ll|will|going to|gonna) (?:stab|kill|burn|shoot|hurt|batter|smash)\b`,
    String.raw`\b(?:lethal|death ?trap|accident waiting to happen|matter of time before someone)\b`,
    String.raw`\b(?:punched|attacked|assaulted|kicked|headbutted|spat at|strangled) (?:a |the |our |one of the )?(?:nurse|nurses|doctor|doctors|staff|paramedic|porter|receptionist|midwife|carer)\b`,
    String.raw`\bfollowing (?:female |the |young )?(?:staff|nurses|women)\b`,
    String.raw`\bcoming down there and\b|\bsomeone will get hurt\b`,
  ].join('|'),
  matches: [
    'threatening staff with a knife',
    "someone's going to get killed",
    "he'll stab the next nurse",
    'a patient punched a nurse',
    'someone will fall down there and die',
  ],
  mustNotMatch: ['knife crime awareness week', 'a threat to our budget', 'killing it at work'],
};
