import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Every setting of the command-line simulator, from flags first, then SIMULATOR_* env. */
export const SimulatorConfig = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(4010),
  scenario: z.string().min(1).default('demo'),
  rate: z.coerce.number().min(0).max(1_000_000).optional(),
  seed: z.coerce.number().int().min(0).optional(),
  startWith: z.coerce.number().int().min(0).max(100_000).default(20),
  feedCount: z.coerce.number().int().min(1).max(10_000).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type SimulatorConfig = z.infer<typeof SimulatorConfig>;

const FLAGS = {
  host: { env: 'SIMULATOR_HOST' },
  port: { env: 'SIMULATOR_PORT' },
  scenario: { env: 'SIMULATOR_SCENARIO' },
  rate: { env: 'SIMULATOR_RATE' },
  seed: { env: 'SIMULATOR_SEED' },
  'start-with': { env: 'SIMULATOR_START_WITH', key: 'startWith' },
  'feed-count': { env: 'SIMULATOR_FEED_COUNT', key: 'feedCount' },
  'log-level': { env: 'LOG_LEVEL', key: 'logLevel' },
} as const;

export type ConfigResult =
  | { ok: true; config: SimulatorConfig }
  | { ok: false; problems: string[] };

/** Reads and validates once, listing every problem rather than the first. */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ConfigResult {
  let values: Record<string, string | undefined>;
  try {
    const options = Object.fromEntries(
      Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }]),
    );
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return { ok: false, problems: [(error as Error).message] };
  }
  const raw: Record<string, string | undefined> = {};
  for (const [flag, spec] of Object.entries(FLAGS)) {
    const key = 'key' in spec ? spec.key : flag;
    const value = values[flag] ?? env[spec.env];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = SimulatorConfig.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const entry = Object.entries(FLAGS).find(
        ([flag, spec]) => ('key' in spec ? spec.key : flag) === key,
      );
      const source = entry ? `--${entry[0]} / ${entry[1].env}` : key;
      return `${source}: ${issue.message}`;
    }),
  };
}
