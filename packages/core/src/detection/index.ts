// Emerging issues and escalating threads: pure maths, no I/O. The worker loads rollups and
// state, calls detectionTick, stores the results and publishes the events.
export * from './baseline.ts';
export * from './detect-subject.ts';
export * from './explain.ts';
export * from './hours.ts';
export * from './issue-lifecycle.ts';
export * from './negative-shift.ts';
export * from './policy.ts';
export * from './replay.ts';
export * from './series.ts';
export * from './severity.ts';
export * from './stories/stories.ts';
export * from './subjects.ts';
export * from './terms/emerging-terms.ts';
export * from './terms/group-terms.ts';
export * from './terms/term-signal.ts';
export * from './terms/term-ticks.ts';
export * from './threads/explain-thread.ts';
export * from './threads/thread-escalation.ts';
export * from './threads/thread-tick.ts';
export * from './tick.ts';
