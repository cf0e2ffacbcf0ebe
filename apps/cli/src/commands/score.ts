// `barometer score [--explain]`: JSON Lines in ({"id", "text", "title"?}), one JSON line out per
// input line, in order, with the same id. A malformed line gets an error line and the rest go on.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type MentionScore, scoreMention } from '@barometer/core';
import { z } from 'zod';

const ScoreLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  title: z.string().nullish(),
});

const USAGE = 'usage: barometer score [--explain] < mentions.jsonl > scores.jsonl\n';
/** Output is written in chunks of about this many characters (fewer, larger writes). */
const CHUNK = 64 * 1024;

function resultLine(id: string | number, s: MentionScore, explain: boolean): string {
  const out: Record<string, unknown> = {
    id,
    sentiment: s.sentiment,
    flags: s.flags,
    topics: s.topics,
    redacted: s.redacted,
  };
  if (explain) out.explain = { sentiment: s.explanation, evidence: s.flagEvidence };
  return JSON.stringify(out);
}

function errorLine(lineNumber: number, raw: unknown, message: string): string {
  const id =
    typeof raw === 'object' && raw !== null && 'id' in raw
      ? (raw as { id: unknown }).id
      : undefined;
  const known = typeof id === 'string' || typeof id === 'number' ? id : null;
  return JSON.stringify({ id: known, line: lineNumber, error: message });
}

export async function scoreStream(
  input: Readable,
  output: Writable,
  explain: boolean,
): Promise<{ scored: number; errors: number }> {
  let scored = 0;
  let errors = 0;
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!output.write(chunk)) await once(output, 'drain');
  };
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      buffer += `${errorLine(n, undefined, 'not valid JSON')}\n`;
      errors++;
      if (buffer.length >= CHUNK) await flush();
      continue;
    }
    const parsed = ScoreLine.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      buffer += `${errorLine(n, raw, `invalid line: ${where}${issue?.message ?? 'invalid'}`)}\n`;
      errors++;
    } else {
      const { id, text, title } = parsed.data;
      buffer += `${resultLine(id, scoreMention({ text, title }), explain)}\n`;
      scored++;
    }
    if (buffer.length >= CHUNK) await flush();
  }
  await flush();
  return { scored, errors };
}

export async function run(args: string[]): Promise<number> {
  let explain = false;
  for (const arg of args) {
    if (arg === '--explain') explain = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else {
      process.stderr.write(`barometer score: unknown option ${arg}\n${USAGE}`);
      return 2;
    }
  }
  const { scored, errors } = await scoreStream(process.stdin, process.stdout, explain);
  process.stderr.write(`barometer score: ${scored} scored, ${errors} malformed\n`);
  return 0;
}
