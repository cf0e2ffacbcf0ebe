import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { sendBody } from '../http/respond.ts';
import type { RequestContext } from '../http/route.ts';
import type { Faults } from './faults.ts';
import { queryOf, type RequestLog } from './requests.ts';
import type { Platform } from './world.ts';

export type PlatformDeps = {
  faults: Faults;
  requests: RequestLog;
  now: () => Date;
  baseUrl: () => string;
};

/** Records the request and answers a due fault; true when the fault answered it. */
export function recordAndFault(
  context: RequestContext,
  platform: Platform,
  deps: PlatformDeps,
): boolean {
  deps.requests.record({
    at: deps.now(),
    method: context.req.method ?? 'GET',
    path: context.url.pathname,
    query: queryOf(context.url),
    headers: context.req.headers,
  });
  const fault = deps.faults.take(platform, context.url.pathname);
  if (!fault) return false;
  if (fault.drop) {
    context.res.destroy();
    return true;
  }
  sendBody(context, fault.status, fault.body ?? '', {
    'Content-Type': 'application/json; charset=utf-8',
    ...fault.headers,
  });
  return true;
}

/** Sends raw JSON with extra headers (the platforms' own shapes, not the simulator's error shape). */
export function sendApiJson(
  context: RequestContext,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  sendBody(context, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
    ...headers,
  });
}

/** A websocket upgrade a platform may claim: it returns true when it took the socket. */
export type UpgradeHandler = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  url: URL,
) => boolean;

export function bearerToken(req: IncomingMessage, url?: URL): string | null {
  const auth = req.headers.authorization ?? '';
  const match = /^bearer\s+(.+)$/i.exec(auth);
  return match?.[1]?.trim() ?? url?.searchParams.get('access_token') ?? null;
}
