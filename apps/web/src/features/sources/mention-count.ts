/** "no mentions", "1 mention", "1,204 mentions". */
export function mentionCount(count: number): string {
  if (count === 0) return 'no mentions';
  return `${count.toLocaleString('en-GB')} mention${count === 1 ? '' : 's'}`;
}
