import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { ConnectorError } from './errors.ts';

/**
 * Reads a response body, decompressing gzip/deflate/br and counting the DECODED bytes against
 * the cap, so a 10 KiB gzip bomb stops at the cap rather than at 1 GiB. A silence longer than
 * `idleMs` between chunks fails the read (slow-loris).
 */
export function readBody(
  res: IncomingMessage,
  limits: { maxBytes: number; idleMs: number },
): Promise<Uint8Array> {
  const encoding = String(res.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const declared = Number(res.headers['content-length']);
  if (encoding === 'identity' && Number.isFinite(declared) && declared > limits.maxBytes) {
    res.destroy();
    return Promise.reject(new ConnectorError('too-large'));
  }
  let decoder: Transform | null;
  try {
    decoder = makeDecoder(encoding);
  } catch (error) {
    res.destroy();
    return Promise.reject(error);
  }
  const source: Readable = decoder ? res.pipe(decoder) : res;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    let idle = setTimeout(() => fail(new ConnectorError('timeout')), limits.idleMs);
    const fail = (error: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(idle);
      res.destroy();
      decoder?.destroy();
      reject(error);
    };
    res.on('data', () => {
      clearTimeout(idle);
      idle = setTimeout(() => fail(new ConnectorError('timeout')), limits.idleMs);
    });
    res.on('error', (error) => fail(error));
    res.on('aborted', () => fail(new ConnectorError('connection-reset')));
    source.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxBytes) {
        fail(new ConnectorError('too-large'));
        return;
      }
      chunks.push(chunk);
    });
    if (decoder) {
      decoder.on('error', (error) =>
        fail(res.errored ? error : new ConnectorError('bad-encoding', { cause: error })),
      );
    }
    source.on('end', () => {
      if (done) return;
      if (!res.complete) {
        fail(new ConnectorError('connection-reset'));
        return;
      }
      done = true;
      clearTimeout(idle);
      resolve(Buffer.concat(chunks, total));
    });
  });
}

function makeDecoder(encoding: string): Transform | null {
  // Small output chunks keep the cap check close to the real decoded size.
  const options = { chunkSize: 64 * 1024 };
  switch (encoding) {
    case 'identity':
    case '':
    case 'none':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(options);
    case 'deflate':
      return zlib.createInflate(options);
    case 'br':
      return zlib.createBrotliDecompress(options);
    default:
      throw new ConnectorError('bad-encoding', {
        message: `response used an unsupported compression (${encoding.slice(0, 20)})`,
      });
  }
}
