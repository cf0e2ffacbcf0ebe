import type { Platform } from './world.ts';

/** A canned failure for the next matching requests: a status, headers and a raw body. */
export type Fault = {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Only requests whose path contains this (default: every API request of the platform). */
  pathIncludes?: string;
  /** How many requests it answers before it is used up (default 1). */
  times?: number;
  /** Drop the connection instead of answering (a live stream cut mid-way). */
  drop?: boolean;
};

export type Faults = {
  inject(platform: Platform, fault: Fault): void;
  /** The fault for this request, if one is due; it is used up as it is taken. */
  take(platform: Platform, path: string): Fault | undefined;
  clear(platform?: Platform): void;
};

export function createFaults(): Faults {
  const queues = new Map<Platform, (Fault & { left: number })[]>();
  return {
    inject(platform, fault) {
      const queue = queues.get(platform) ?? [];
      queue.push({ ...fault, left: fault.times ?? 1 });
      queues.set(platform, queue);
    },
    take(platform, path) {
      const queue = queues.get(platform) ?? [];
      const index = queue.findIndex((f) => !f.pathIncludes || path.includes(f.pathIncludes));
      if (index < 0) return undefined;
      const fault = queue[index]!;
      fault.left -= 1;
      if (fault.left <= 0) queue.splice(index, 1);
      return fault;
    },
    clear(platform) {
      if (platform) queues.delete(platform);
      else queues.clear();
    },
  };
}
