import { resolve } from 'node:path';
import { FeedPolicyEnv, parseEnv } from '@barometer/core';
import { z } from 'zod';

const ApiEnv = FeedPolicyEnv.extend({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/barometer'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('barometer'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built dashboard (vite build output); served at / when it exists. */
  WEB_DIST: z.string().default(resolve(import.meta.dirname, '../../web/dist')),
});
export type ApiConfig = z.infer<typeof ApiEnv>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(ApiEnv, env);
}
