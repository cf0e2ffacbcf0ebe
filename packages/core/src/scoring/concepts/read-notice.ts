import { compilePatterns } from '../pattern-set.ts';
import { type CompiledRule, compileRules, firstHit } from '../rule-table.ts';
import { ANNOUNCEMENT, AWARENESS, NEWS, PERSONAL, RECRUITMENT } from './notice.ts';

// The one news detector: is this text news, an announcement, a job advert or an awareness or
// training notice, told by nobody about themself? (Awareness notices are also the grave-post
// rules' look-alikes, concepts/grave.ts.) Used by the sentiment (such text leans neutral and the
// FFT model, trained on opinions, counts little) and by the complaint flag (a report is not a
// complaint by the person posting it).

const NOTICE_KINDS = compileRules([NEWS, RECRUITMENT, ANNOUNCEMENT, AWARENESS]);
const [personal] = compileRules([PERSONAL]) as [CompiledRule];
// One pass decides whether any kind can match (most mentions are none).
const ANY_NOTICE = compilePatterns(
  [NEWS, RECRUITMENT, ANNOUNCEMENT, AWARENESS].map((r) => r.pattern),
  '',
);

export interface Notice {
  /** The rule that matched ("notice.news"). */
  kind: string;
  /** The words that matched. */
  cue: string;
}

/** The kind of notice this lower-cased text is, or null (also null when someone speaks of themself). */
export function readNotice(lowerText: string): Notice | null {
  if (!ANY_NOTICE.test(lowerText)) return null;
  for (const rule of NOTICE_KINDS) {
    const hit = firstHit(rule, lowerText);
    if (hit !== null) {
      return firstHit(personal, lowerText) === null ? { kind: hit.id, cue: hit.text } : null;
    }
  }
  return null;
}

export function isNotice(lowerText: string): boolean {
  return readNotice(lowerText) !== null;
}
