import { z } from 'zod';

export const SECRET_KEY_HELP =
  'set BAROMETER_SECRET_KEY to 32 random bytes in base64, for example the output of `openssl rand -base64 32`';

/**
 * The key that encrypts connector credentials at rest (AES-256-GCM). Optional until a source
 * with credentials exists; then the apps refuse to start without it.
 */
export const SecretKeyEnv = z.object({
  BAROMETER_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/]{43}=$/, `must be 32 bytes in base64: ${SECRET_KEY_HELP}`)
    .optional(),
});
export type SecretKeyEnv = z.infer<typeof SecretKeyEnv>;
