import { expect, test } from 'vitest';
import { createBackfillSlots } from './backfill-slots.ts';

test('back-fills beyond the concurrency wait in line, and beyond the line are turned away', async () => {
  const slots = createBackfillSlots({ concurrency: 2, queueLimit: 1 });
  const first = await slots.take();
  const second = await slots.take();
  let thirdGot: (() => void) | null = null;
  const third = slots.take().then((r) => {
    thirdGot = r;
    return r;
  });
  expect(await slots.take()).toBe(null);
  expect([slots.running(), slots.waiting()]).toEqual([2, 1]);
  expect(thirdGot).toBe(null);

  first!();
  first!(); // a second release of the same slot frees nothing more
  expect(await third).not.toBe(null);
  expect([slots.running(), slots.waiting()]).toEqual([2, 0]);
  second!();
  thirdGot!();
  expect(slots.running()).toBe(0);
});
