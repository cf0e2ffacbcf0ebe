import type { NormalizedMention } from '@barometer/core';
import type { HttpPolicy } from '@barometer/http';
import { ConnectorError, httpError } from '@barometer/http';
import type { Connector } from '../connector.ts';
import { apiRequest, header, jsonBody } from '../social/api-request.ts';
import { isoOrNull, pollWindow } from '../social/window.ts';
import { renderMarkdown } from './markdown.ts';
import { Opinion, OpinionResponse } from './schema.ts';

const PAGE_SIZE = 100;
/** Care Opinion allows 5 requests a second per key; stay just under. */
const MIN_GAP_MS = 220;
/** Stories whose organisation responses one poll fetches (each is a request). */
const RESPONSES_PER_POLL = 10;
const WEB = 'https://www.careopinion.org.uk';

/**
 * Care Opinion API v2 with a subscription key: stories published since the window's start,
 * oldest first, `skip`/`take` until an empty page, each element validated on its own (pages mix
 * in strings like "Sorry! Something went wrong."), and the organisation's responses ("you said,
 * we did") as replies to their story. An invalid key answers with a redirect to a login page,
 * which is read as refused credentials, never as "no stories".
 */
export const careOpinionConnector: Connector = {
  kind: 'careopinion',
  async poll(source, policy, context = {}) {
    const key = source.credential?.trim();
    if (!key)
      throw new ConnectorError('credentials-needed', {
        message: 'Care Opinion needs a subscription key',
      });
    const window = pollWindow(context);
    const base = source.url.replace(/\/+$/, '');
    const paced = pacedGet(base, key, policy);
    const mentions: NormalizedMention[] = [];
    const warnings: string[] = [];
    const withResponses: Opinion[] = [];
    for (let skip = 0; mentions.length < window.maxItems; skip += PAGE_SIZE) {
      const params = new URLSearchParams({
        take: String(PAGE_SIZE),
        skip: String(skip),
        publishedafter: window.since.toISOString(),
        dateofpublicationorder: 'ascending',
      });
      const page = await paced(`/api/v2/opinions?${params}`);
      if (!Array.isArray(page))
        throw new ConnectorError('bad-response', {
          message: 'Care Opinion did not answer with a list of stories',
        });
      if (page.length === 0) break;
      let skipped = 0;
      for (const element of page) {
        const opinion = Opinion.safeParse(element);
        if (!opinion.success) {
          skipped += 1;
          continue;
        }
        mentions.push(opinionToMention(opinion.data));
        if (opinion.data.links.some((l) => l.rel === 'responses')) withResponses.push(opinion.data);
      }
      if (skipped > 0) warnings.push(`${skipped} unreadable entries skipped`);
      if (page.length < PAGE_SIZE) break;
    }
    for (const opinion of withResponses.slice(-RESPONSES_PER_POLL)) {
      const responses = await paced(`/api/v2/opinions/${encodeURIComponent(opinion.id)}/responses`);
      for (const element of Array.isArray(responses) ? responses : []) {
        const response = OpinionResponse.safeParse(element);
        if (response.success) mentions.push(responseToMention(response.data, opinion));
      }
    }
    return {
      status: 'ok',
      title: null,
      mentions: mentions.slice(0, window.maxItems),
      validators: { etag: null, lastModified: null, contentHash: null },
      cache: { retryAfterSeconds: null, maxAgeSeconds: null },
      warnings: [...new Set(warnings)],
    };
  },
};

function pacedGet(base: string, key: string, policy: HttpPolicy) {
  let last = 0;
  return async (path: string): Promise<unknown> => {
    const wait = last + MIN_GAP_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    last = Date.now();
    const response = await apiRequest(`${base}${path}`, policy, {
      headers: { authorization: `SUBSCRIPTION_KEY ${key}` },
    });
    const loginPage =
      /\/account\/login/i.test(new URL(response.finalUrl).pathname) ||
      response.contentType.startsWith('text/html');
    if (loginPage) {
      throw new ConnectorError('bad-credentials', {
        message: 'Care Opinion refused the subscription key: check or replace it',
      });
    }
    if (response.status === 429) {
      const retry = Number.parseInt(header(response.headers, 'retry-after') ?? '', 10);
      throw httpError(429, Number.isFinite(retry) ? retry : 1);
    }
    if (response.status !== 200) throw httpError(response.status, null);
    const body = jsonBody(response);
    if (body === null)
      throw new ConnectorError('bad-response', {
        message: 'Care Opinion did not answer with JSON',
      });
    return body;
  };
}

function opinionToMention(opinion: Opinion): NormalizedMention {
  const url = `${WEB}/opinions/${encodeURIComponent(opinion.id)}`;
  const { text, html } = renderMarkdown(opinion.body, url);
  const published = opinion.dateOfPublication ?? opinion.dateOfSubmission ?? null;
  return {
    externalId: `opinion:${opinion.id}`,
    url,
    author: opinion.author ?? opinion.authorRole ?? null,
    authorId: null,
    title: opinion.title || null,
    text,
    html: html || null,
    publishedAt: isoOrNull(published),
    publishedRaw: published,
    parentExternalId: null,
    rootExternalId: null,
  };
}

function responseToMention(response: OpinionResponse, opinion: Opinion): NormalizedMention {
  const url = `${WEB}/opinions/${encodeURIComponent(opinion.id)}#response-${encodeURIComponent(response.id)}`;
  const { text, html } = renderMarkdown(response.body, url);
  return {
    externalId: `response:${response.id}`,
    url,
    author: response.responder ?? response.organisation ?? null,
    authorId: null,
    title: null,
    text,
    html: html || null,
    publishedAt: isoOrNull(response.dateOfPublication),
    publishedRaw: response.dateOfPublication ?? null,
    parentExternalId: `opinion:${opinion.id}`,
    rootExternalId: `opinion:${opinion.id}`,
  };
}
