import type { HttpPolicy } from '@barometer/http';
import { ConnectorError, httpError } from '@barometer/http';
import type { z } from 'zod';
import { apiRequest, jsonBody, parsePayload } from '../social/api-request.ts';
import { nextQuotaReset, type QuotaMethod, STOP_SHARE, UNIT_COST } from './quota.ts';
import { GoogleError } from './schema.ts';

export interface YoutubeApi {
  base: string;
  key: string;
  policy: HttpPolicy;
  now: () => Date;
  quota: { usedToday: number; dailyLimit: number };
  /** Units this poll has spent so far. */
  spent: number;
}

export const DEFAULT_DAILY_QUOTA = 10_000;

/** Thrown when a call would spend beyond today's share: the poll keeps what it already has. */
export class QuotaStop extends Error {}

/** One list call, counted in quota units before it is made. */
export async function youtubeGet<S extends z.ZodType>(
  api: YoutubeApi,
  method: QuotaMethod,
  path: string,
  params: URLSearchParams,
  schema: S,
): Promise<z.infer<S>> {
  const cost = UNIT_COST[method];
  if (api.quota.usedToday + api.spent + cost > api.quota.dailyLimit * STOP_SHARE)
    throw new QuotaStop();
  params.set('key', api.key);
  api.spent += cost;
  const response = await apiRequest(`${api.base}/youtube/v3/${path}?${params}`, api.policy);
  if (response.status === 200) return parsePayload(schema, jsonBody(response), `the ${path}`);
  const reason = GoogleError.safeParse(jsonBody(response)).data?.error.errors[0]?.reason ?? '';
  if (reason === 'quotaExceeded' || reason === 'dailyLimitExceeded') {
    const wait = Math.ceil((nextQuotaReset(api.now()).getTime() - api.now().getTime()) / 1000);
    throw new ConnectorError('quota-exhausted', { retryAfterSeconds: wait });
  }
  if (reason === 'keyInvalid' || reason === 'forbidden' || response.status === 401) {
    throw new ConnectorError('bad-credentials', {
      message: 'YouTube refused the API key: check or replace it',
    });
  }
  if (reason === 'commentsDisabled')
    throw new ConnectorError('http-403', { message: 'comments are turned off on this video' });
  if (reason === 'videoNotFound')
    throw new ConnectorError('http-404', { message: 'HTTP 404: the video is gone' });
  throw httpError(response.status, null);
}
