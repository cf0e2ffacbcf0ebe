// The inbox's per-update work at 10,000 mentions: what one live flush costs the browser's main
// thread before React renders (merge pages with live items, filter, group into rows), and the
// cost of applying a full back-fill. Run: npx tsx apps/web/bench/inbox.bench.ts
import { LIVE_BACKFILL_LIMIT } from '@barometer/core';
import { buildInboxRows } from '../apps/web/src/features/inbox/inbox-rows.ts';
import {
  applyLiveEvents,
  initialLiveState,
  type LiveEvent,
} from '../apps/web/src/features/inbox/live-state.ts';
import { matchesFilters } from '../apps/web/src/features/inbox/mention-filter.ts';
import { mergeMentions } from '../apps/web/src/features/inbox/merge-mentions.ts';
import { testMention } from '../apps/web/src/features/inbox/test-mention.ts';

const PAGED = 10_000;
const LIVE = 200;

const paged = Array.from({ length: PAGED }, (_, i) =>
  testMention(PAGED - i, {
    sentimentLabel: i % 3 === 0 ? 'negative' : 'neutral',
    topics: i % 5 === 0 ? ['parking'] : ['a&e'],
    flags: { urgent: i % 40 === 0, safeguarding: i % 250 === 0 },
  }),
);
const live = Array.from({ length: LIVE }, (_, i) => testMention(PAGED + 1 + i));

function time(run: () => unknown, minMs = 1000): number {
  for (let i = 0; i < 5; i++) run();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    run();
    n++;
  }
  return (performance.now() - start) / n;
}

const flushMs = time(() => {
  const filtered = live.filter((m) => matchesFilters(m, {}));
  return buildInboxRows(mergeMentions(paged, filtered));
});
const filteredFlushMs = time(() => {
  const filters = { label: 'negative' as const };
  const filtered = live.filter((m) => matchesFilters(m, filters));
  return buildInboxRows(
    mergeMentions(
      paged.filter((m) => matchesFilters(m, filters)),
      filtered,
    ),
  );
});
const backfill: LiveEvent[] = [{ type: 'resume.sent' }];
for (let i = 0; i < LIVE_BACKFILL_LIMIT; i++) {
  backfill.push({
    type: 'message',
    message: { type: 'mention.created', mention: testMention(i + 1) },
  });
}
const backfillMs = time(() => applyLiveEvents(initialLiveState, backfill, 0));

const figures = [
  { bench: 'web.inbox.flush_10k', value: flushMs, unit: 'ms' },
  { bench: 'web.inbox.flush_10k_filtered', value: filteredFlushMs, unit: 'ms' },
  { bench: 'web.inbox.backfill_1000', value: backfillMs, unit: 'ms' },
];
process.stderr.write(
  `inbox, ${PAGED.toLocaleString('en-GB')} paged + ${LIVE} live mentions\n` +
    `  one live flush (merge + group into rows)     ${flushMs.toFixed(2)} ms\n` +
    `  same with a sentiment filter                 ${filteredFlushMs.toFixed(2)} ms\n` +
    `  apply a ${LIVE_BACKFILL_LIMIT}-item back-fill in one batch     ${backfillMs.toFixed(2)} ms\n`,
);
for (const f of figures)
  process.stdout.write(`${JSON.stringify({ ...f, value: Number(f.value.toFixed(3)) })}\n`);
