// `npm run bench`: runs every bench/*.bench.ts in its own process, one after another (they would
// skew each other on 2 cores), then prints a table and every figure as one JSON line.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';

const Figure = z.object({ bench: z.string(), value: z.number(), unit: z.string() });
type Figure = z.infer<typeof Figure>;

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

function runBench(file: string): Promise<{ figures: Figure[]; ok: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsxCli, join(import.meta.dirname, file)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('exit', (code) => {
      const figures: Figure[] = [];
      for (const line of out.split('\n')) {
        if (!line.trim().startsWith('{')) continue;
        const parsed = Figure.safeParse(JSON.parse(line));
        if (parsed.success) figures.push(parsed.data);
      }
      resolve({ figures, ok: code === 0 });
    });
  });
}

const all: Figure[] = [];
let failed = 0;
for (const file of files) {
  process.stderr.write(`\n== ${file}\n`);
  const { figures, ok } = await runBench(file);
  if (!ok) {
    failed++;
    process.stderr.write(`${file} failed\n`);
  }
  all.push(...figures);
}

const width = Math.max(10, ...all.map((f) => f.bench.length));
process.stdout.write(`\n${'benchmark'.padEnd(width)}  ${'value'.padStart(12)}  unit\n`);
for (const f of all) {
  const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(2);
  process.stdout.write(`${f.bench.padEnd(width)}  ${value.padStart(12)}  ${f.unit}\n`);
}
process.stdout.write('\n');
for (const f of all) process.stdout.write(`${JSON.stringify(f)}\n`);
if (failed > 0) process.exitCode = 1;
