import type { IncomingMessage } from 'node:http';
import { gzipSync } from 'node:zlib';
import { HttpError, type RequestContext } from './route.ts';

/** Sends a text body, gzipped when the client asks for it. */
export function sendBody(
  { req, res }: RequestContext,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  const raw = Buffer.from(body, 'utf8');
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  const payload = gzip ? gzipSync(raw, { level: 4 }) : raw;
  res.writeHead(status, {
    ...headers,
    Vary: 'Accept-Encoding',
    'Content-Length': String(payload.length),
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(payload);
}

export function sendJson(context: RequestContext, status: number, value: unknown): void {
  sendBody(context, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

/** One error shape everywhere: `{ error: { code, message } }`. */
export function sendError(context: RequestContext, error: HttpError): void {
  sendJson(context, error.status, { error: { code: error.code, message: error.message } });
}

export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((token) => {
    const [coding, ...params] = token.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

export async function readJson(req: IncomingMessage, limitBytes = 64 * 1024): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) {
      throw new HttpError(413, 'body_too_large', `the body is larger than ${limitBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    throw new HttpError(
      400,
      'invalid_json',
      `the body is not valid JSON: ${(error as Error).message}`,
    );
  }
}
