import { randomBytes } from 'node:crypto';

/** A Redis key prefix no other test file uses, so files share one Redis without seeing each other. */
export function testRedisPrefix(label: string): string {
  return `bt_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
}
