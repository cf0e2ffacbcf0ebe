import { z } from 'zod';

const CliEnv = z.object({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/barometer'),
});
export type CliConfig = z.infer<typeof CliEnv>;

export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const parsed = CliEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return Object.freeze(parsed.data);
}
