import { percent } from '../explain.ts';
import type { ThreadAssessment } from './thread-escalation.ts';

function rate(a: ThreadAssessment): string {
  if (a.usualReplies <= 0) return 'where it usually gets none';
  const times = a.replies / a.usualReplies;
  if (times >= 1.5)
    return `${times >= 10 ? Math.round(times) : Math.round(times * 10) / 10}x its usual rate`;
  return 'about its usual rate';
}

function thousands(n: number): string {
  return n >= 1000 ? `${Math.round(n / 1000).toLocaleString('en-GB')},000` : String(Math.round(n));
}

/**
 * "12 replies in the last hour, 5x its usual rate, 80% negative (usually 30%), 9 people
 * (3 new, about 12,000 followers between them); a safety concern was raised."
 */
export function explainThread(a: ThreadAssessment): string {
  const replies = a.replies === 1 ? '1 reply' : `${a.replies} replies`;
  const negative = `${percent(a.negativeShare)} negative (usually ${percent(a.usualNegativeShare)})`;
  const people = a.authors === 1 ? '1 person' : `${a.authors} people`;
  const newcomers =
    a.newAuthors === 0
      ? ''
      : ` (${a.newAuthors} new${a.newFollowers >= 100 ? `, about ${thousands(a.newFollowers)} followers between them` : ''})`;
  const safety = a.safety ? '; a safety concern was raised' : '';
  return `${replies} in the last hour, ${rate(a)}, ${negative}, ${people}${newcomers}${safety}.`;
}
