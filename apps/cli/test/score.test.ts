import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(cliDir, 'bin/barometer.js');

/** Runs the real CLI in a child process, feeding stdin in pieces as a pipe would. */
async function runScore(
  input: string,
  args: string[] = [],
): Promise<{ code: number | null; lines: Record<string, unknown>[]; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'score', ...args], { cwd: cliDir });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const closed = once(child, 'close');
  for (let i = 0; i < input.length; i += 1 << 16) {
    if (!child.stdin.write(input.slice(i, i + (1 << 16)))) await once(child.stdin, 'drain');
  }
  child.stdin.end();
  const [code] = (await closed) as [number | null];
  const lines = stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, stderr };
}

test('each input line gets one output line with the same id, in order', async () => {
  const input = [
    { id: 'a', text: 'Waited 14 hours in A&E with my mum, disgraceful' },
    { id: 2, text: 'Lovely staff on Ward 7, thank you', title: null },
    { id: 'c', text: 'My NHS number is 943 476 5919' },
  ]
    .map((l) => JSON.stringify(l))
    .join('\n');
  const { code, lines } = await runScore(`${input}\n`);
  expect(code).toBe(0);
  expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c']);
  expect(lines[0]).toMatchObject({ sentiment: { label: 'negative' }, flags: { complaint: true } });
  expect(lines[1]).toMatchObject({ sentiment: { label: 'positive' } });
  expect(lines[2]).toMatchObject({
    flags: { pii: true },
    redacted: 'My NHS number is [NHS number]',
  });
  expect(lines[0]).not.toHaveProperty('explain');
  expect(Object.keys(lines[0]!).sort()).toEqual(['flags', 'id', 'redacted', 'sentiment', 'topics']);
});

test('--explain adds the words and evidence behind each score', async () => {
  const { lines } = await runScore('{"id":1,"text":"Great, another 9 hour wait. Love it."}\n', [
    '--explain',
  ]);
  const explain = lines[0]?.explain as { sentiment: string[] };
  expect(explain.sentiment.some((e) => e.includes('sarcasm'))).toBe(true);
});

test('a malformed line gets an error line and the rest go on', async () => {
  const { code, lines } = await runScore(
    '{"id":"ok1","text":"fine"}\nnot json\n{"id":"bad","text":42}\n{"id":"ok2","text":"good"}\n',
  );
  expect(code).toBe(0);
  expect(lines.map((l) => l.id)).toEqual(['ok1', null, 'bad', 'ok2']);
  expect(lines[1]).toMatchObject({ line: 2, error: 'not valid JSON' });
  expect(lines[2]).toMatchObject({ line: 3 });
  expect(String(lines[2]?.error)).toContain('text');
});

test('100,000 lines in one call all come back, in order', async () => {
  const n = 100_000;
  const texts = [
    'Waited 6 hours, no beds',
    'Brilliant nurses, thank you',
    'Is parking free on Sundays?',
  ];
  let input = '';
  for (let i = 0; i < n; i++) input += `{"id":${i},"text":"${texts[i % 3]} ${i}"}\n`;
  const { code, lines } = await runScore(input);
  expect(code).toBe(0);
  expect(lines).toHaveLength(n);
  expect(lines.every((l, i) => l.id === i)).toBe(true);
}, 120_000);
