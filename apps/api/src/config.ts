import { resolve } from 'node:path';
import { parseEnv, ServiceEnv } from '@barometer/core';
import { z } from 'zod';

const ApiEnv = ServiceEnv.extend({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** The built dashboard (vite build output); served at / when it exists. */
  WEB_DIST: z.string().default(resolve(import.meta.dirname, '../../web/dist')),
});
export type ApiConfig = z.infer<typeof ApiEnv>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(ApiEnv, env);
}
