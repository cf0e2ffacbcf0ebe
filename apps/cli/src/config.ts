import { parseEnv } from '@barometer/core';
import { z } from 'zod';

const CliEnv = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/barometer'),
});
export type CliConfig = z.infer<typeof CliEnv>;

export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  return parseEnv(CliEnv, env);
}
