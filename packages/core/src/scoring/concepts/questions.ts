import type { TextRule } from '../rule-table.ts';

/**
 * A question that complains ("why does nobody answer...?", "how is it acceptable...?"): negative,
 * never an information request.
 */
export const COMPLAINING_QUESTION: TextRule = {
  id: 'question.complaining',
  meaning: 'a rhetorical question that complains: why, how is it acceptable, what is the point',
  pattern: String.raw`(?:^|[.!?,]\s*)(?:seriously,? |honestly,? |so |and )?(?:why (?:does|do|did|is|are|was|were|has|have|can'?t|won'?t|isn'?t|aren'?t|am i|on earth|the hell|would)|how (?:is (?:it|this|that) (?:acceptable|ok|okay|fair|right|possible)|come|can (?:you|they|a|the|anyone)|dare|many (?:more )?times|much longer|long (?:do|does|am|are|is|will) (?:i|we|you|they|it)|on earth)|what(?:'s| is) the point|is (?:anyone|anybody) (?:actually |even )?(?:reading|listening|there|answering)|does (?:the trust|anyone|anybody|the hospital|nobody|no one) (?:even |actually )?care|who (?:decided|thought|signs|approved)|is it normal to be|can (?:someone|somebody|anyone) (?:please )?(?:tell|explain to) (?:me )?why)\b[^?]*\?`,
  matches: [
    'why does nobody ever answer the phone?',
    'how is it acceptable that my dad has been on a trolley?',
    'what is the point of booking an appointment if you cancel it?',
    'can someone tell me why my referral was lost?',
  ],
  mustNotMatch: [
    'does anyone know if you can park on sundays?',
    'how long are scan results taking at the moment?',
    'why not pop in for a jab.',
  ],
};
