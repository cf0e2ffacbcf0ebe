import type { Severity } from '../severity.ts';
import { explainThread } from './explain-thread.ts';
import {
  assessThread,
  INITIAL_THREAD_STATE,
  stepThreadEscalation,
  THREAD_POLICY,
  type ThreadAssessment,
  type ThreadEscalationState,
  type ThreadReply,
} from './thread-escalation.ts';

/** One conversation as the worker loads it: its recent replies and the level it held. */
export interface ThreadTickInput {
  /** Where the thread lives and its root post's id there. */
  key: { sourceId: number; rootId: string };
  replies: readonly ThreadReply[];
  state: ThreadEscalationState | null;
}

export interface ThreadTickResult {
  key: ThreadTickInput['key'];
  assessment: ThreadAssessment;
  state: ThreadEscalationState;
  /** The level it rose to in this tick, or null when it did not rise. */
  escalated: Severity | null;
  explanation: string;
}

/** Hours of replies the worker must load for an assessment: the window and the thread's own history. */
export function threadHistoryHours(policy = THREAD_POLICY): number {
  return policy.historyHours + Math.ceil(policy.windowMinutes / 60);
}

/**
 * The minute tick for conversations: each thread assessed against its own pace and stepped
 * (watch, alert when a high score holds, page when steep or a safety flag appears). Pure: the
 * worker stores the states and publishes `thread.escalated` for the ones that rose.
 */
export function threadTick(
  now: number,
  threads: readonly ThreadTickInput[],
  policy = THREAD_POLICY,
): ThreadTickResult[] {
  return threads.map((t) => {
    const assessment = assessThread(t.replies, now, policy);
    const step = stepThreadEscalation(t.state ?? INITIAL_THREAD_STATE, assessment, now, policy);
    return {
      key: t.key,
      assessment,
      state: step.state,
      escalated: step.escalated,
      explanation: explainThread(assessment),
    };
  });
}
