import type { IssueDto, ThreadEscalationDto } from '@barometer/core';

const SEVERITY_TEXT: Record<IssueDto['severity'], string> = {
  watch: 'Watch',
  alert: 'Alert',
  page: 'On-call paged',
};

const KIND_TEXT: Record<IssueDto['kind'], string> = {
  topic: 'Topic',
  term: 'New word or phrase',
  story: 'Story',
  thread: 'Conversation',
};

/** What a card says about an issue besides its explanation, in words for officers. */
export function issueSummary(issue: IssueDto): { severity: string; kind: string; peak: string } {
  return {
    severity: SEVERITY_TEXT[issue.severity],
    kind: KIND_TEXT[issue.kind],
    peak:
      issue.peakAuthors === 1 ? '1 person at its peak' : `${issue.peakAuthors} people at its peak`,
  };
}

/** The inbox filtered to the issue's topic, for topic issues. */
export function inboxLinkFor(issue: IssueDto): string | null {
  return issue.kind === 'topic' ? `/?topic=${encodeURIComponent(issue.label)}` : null;
}

const THREAD_LEVEL_TEXT: Record<ThreadEscalationDto['level'], string> = {
  watch: 'Watch',
  alert: 'Escalating',
  page: 'On-call paged',
};

/** The badge text for a conversation's escalation level. */
export function threadLevelText(level: ThreadEscalationDto['level']): string {
  return THREAD_LEVEL_TEXT[level];
}
