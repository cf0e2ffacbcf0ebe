import type { SentimentLabel, ThreadDto, ThreadPostDto } from '@barometer/core';

export interface ThreadRow {
  key: string;
  /** Indentation steps, capped so a deep chain stays readable on a narrow panel. */
  indent: number;
  speaker: string;
  isTrust: boolean;
  isFocus: boolean;
  text: string;
  publishedAt: string | null;
  label: SentimentLabel | null;
  flagLabels: string[];
  notes: string[];
}

export const MAX_INDENT = 6;

const FLAG_LABELS: Record<string, string> = {
  safeguarding: 'Safeguarding',
  complaint: 'Complaint',
  patientSafety: 'Patient safety',
  urgent: 'Urgent',
  pii: 'Personal details',
};

/** The thread as rows to draw: plain words for who speaks and what is special about a post. */
export function threadRows(thread: ThreadDto): ThreadRow[] {
  return thread.posts.map((post) => ({
    key: post.externalId,
    indent: Math.min(post.depth, MAX_INDENT),
    speaker: speakerOf(post),
    isTrust: post.isTrust,
    isFocus: post.isFocus,
    text: post.deleted ? 'This post was deleted.' : post.text || 'No text.',
    publishedAt: post.publishedAt,
    label: post.sentimentLabel,
    flagLabels: post.flags
      ? Object.entries(post.flags)
          .filter(([, on]) => on)
          .map(([flag]) => FLAG_LABELS[flag] ?? flag)
      : [],
    notes: notesOf(post),
  }));
}

function speakerOf(post: ThreadPostDto): string {
  if (post.isTrust) return `${post.author ?? 'The trust'} (the trust)`;
  return post.author ?? 'Someone unnamed';
}

function notesOf(post: ThreadPostDto): string[] {
  const notes: string[] = [];
  if (post.parentMissing) notes.push('replies to a post we do not have');
  if (post.mentionId === null) notes.push('not scored yet');
  return notes;
}

/** One line above the tree: the size, the lean and whether the trust has answered. */
export function threadHeadline(thread: ThreadDto): string {
  const { posts, participants, counts, trustReplied } = thread;
  const parts = [
    `${posts.length} ${posts.length === 1 ? 'post' : 'posts'}`,
    `${participants} ${participants === 1 ? 'person' : 'people'}`,
  ];
  if (counts.negative > 0) parts.push(`${counts.negative} negative`);
  parts.push(trustReplied ? 'the trust has replied' : 'no reply from the trust yet');
  return parts.join(' · ');
}
