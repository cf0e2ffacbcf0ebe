import {
  countSourceCredentials,
  createSecretBox,
  openSourceCredential,
  type Queryable,
  type SecretBox,
} from '@barometer/db';
import { ConnectorError } from '@barometer/http';

const boxes = new Map<string, SecretBox>();

function boxFor(key: string): SecretBox {
  let box = boxes.get(key);
  if (!box) {
    box = createSecretBox(key);
    boxes.set(key, box);
  }
  return box;
}

export function secretBoxOf(config: {
  BAROMETER_SECRET_KEY?: string | undefined;
}): SecretBox | null {
  return config.BAROMETER_SECRET_KEY ? boxFor(config.BAROMETER_SECRET_KEY) : null;
}

/** A source's credential in plain text, in memory for one call; null when none is set. */
export async function openCredential(
  q: Queryable,
  config: { BAROMETER_SECRET_KEY?: string | undefined },
  sourceId: number,
): Promise<string | null> {
  const box = secretBoxOf(config);
  if (!box) {
    if ((await countSourceCredentials(q)) > 0) {
      throw new ConnectorError('credentials-needed', {
        message: 'the server has no secret key to open the stored credentials',
      });
    }
    return null;
  }
  return openSourceCredential(q, box, sourceId);
}
