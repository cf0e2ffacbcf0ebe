import { type ConnectorPollResult, connectorFor, memorySessionStore } from '@barometer/connectors';
import type { NormalizedMention, SourceKind } from '@barometer/core';
import { ConnectorError, type HttpPolicy } from '@barometer/http';

const USAGE = `usage: barometer pull <mastodon|bluesky|reddit|youtube|careopinion> --base-url URL
       [--query Q] [--token T] [--allow-private] [--max N] [--since ISO]

Fetches as the worker would (the guarded client, pagination up to N items, rate limits
honoured, nothing older than 7 days unless --since says otherwise) and prints one JSON line per
item. --token is the credential as a person pastes it: a Mastodon access token, Bluesky
handle:app-password, Reddit client_id:client_secret, a YouTube API key, a Care Opinion
subscription key. On failure prints {"ok":false,"error":{"code","message"}} and exits 1.
`;

const KINDS = [
  'mastodon',
  'bluesky',
  'reddit',
  'youtube',
  'careopinion',
] as const satisfies readonly SourceKind[];
type PullKind = (typeof KINDS)[number];
const DEFAULT_MAX = 100;
/** A 429 asking for no more than this is waited out; a longer one is reported. */
const MAX_WAIT_SECONDS = 60;
const MAX_RETRIES = 3;

interface Options {
  kind: PullKind;
  baseUrl: string;
  query: string | null;
  token: string | null;
  allowPrivate: boolean;
  max: number;
  since: Date | null;
}

export interface Output {
  write(chunk: string): unknown;
}

export function run(args: string[]): Promise<number> {
  return pullCommand(args, process.stdout);
}

export async function pullCommand(
  args: string[],
  stdout: Output,
  sleep = defaultSleep,
): Promise<number> {
  const options = parseArgs(args);
  if (options === 'help') {
    stdout.write(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    stdout.write(`${JSON.stringify({ ok: false, error: { code: 'usage', message: options } })}\n`);
    return 1;
  }
  const policy: HttpPolicy = { allowPrivate: options.allowPrivate };
  const sessions = memorySessionStore();
  const connector = connectorFor(options.kind);
  const source = {
    id: 0,
    kind: options.kind,
    url: options.baseUrl,
    query: options.query ?? defaultQuery(options),
    credential: options.token,
    cursor: null,
    validators: { etag: null, lastModified: null, contentHash: null },
  };
  const context = {
    maxItems: options.max,
    sessions,
    ...(options.since ? { since: options.since } : {}),
  };
  let result: ConnectorPollResult | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      result = await connector.poll(source, policy, context);
      break;
    } catch (error) {
      const wait =
        error instanceof ConnectorError && error.code === 'http-429'
          ? error.retryAfterSeconds
          : null;
      if (wait !== null && wait <= MAX_WAIT_SECONDS && attempt < MAX_RETRIES) {
        await sleep(wait * 1000);
        continue;
      }
      stdout.write(`${JSON.stringify({ ok: false, error: describe(error) })}\n`);
      return 1;
    }
  }
  const mentions = result.status === 'ok' ? result.mentions.slice(0, options.max) : [];
  stdout.write(mentions.map((m) => `${JSON.stringify(line(options.kind, m))}\n`).join(''));
  return 0;
}

function line(kind: PullKind, m: NormalizedMention) {
  return {
    kind,
    id: m.externalId,
    url: m.url,
    author: m.author,
    authorId: m.authorId ?? null,
    text: m.title && !m.text.startsWith(m.title) ? `${m.title}\n\n${m.text}`.trim() : m.text,
    html: m.html,
    publishedAt: m.publishedAt,
    parentId: m.parentExternalId,
    rootId: m.rootExternalId,
  };
}

/** Mastodon with a token and no query reads the account's mentions; Care Opinion needs none. */
function defaultQuery(options: Options): string | null {
  if (options.kind === 'mastodon' && options.token) return '@mentions';
  return null;
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof ConnectorError) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'unexpected error while pulling' };
}

function parseArgs(args: string[]): Options | 'help' | string {
  if (args.includes('--help') || args.includes('-h')) return 'help';
  const [kind, ...rest] = args;
  if (!kind || !(KINDS as readonly string[]).includes(kind))
    return `kind must be one of ${KINDS.join(', ')}`;
  const values: Record<string, string> = {};
  let allowPrivate = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (flag === '--allow-private') {
      allowPrivate = true;
      continue;
    }
    if (!['--base-url', '--query', '--token', '--max', '--since'].includes(flag))
      return `unknown option ${flag}`;
    const value = rest[i + 1];
    if (value === undefined) return `${flag} needs a value`;
    values[flag] = value;
    i++;
  }
  const baseUrl = values['--base-url'];
  if (!baseUrl || !URL.canParse(baseUrl)) return '--base-url must be an http or https URL';
  const max = values['--max'] === undefined ? DEFAULT_MAX : Number(values['--max']);
  if (!Number.isInteger(max) || max < 1 || max > 10_000)
    return '--max must be a whole number from 1 to 10000';
  const since = values['--since'] === undefined ? null : new Date(values['--since']);
  if (since && Number.isNaN(since.getTime())) return '--since must be an ISO date';
  return {
    kind: kind as PullKind,
    baseUrl,
    query: values['--query'] ?? null,
    token: values['--token'] ?? null,
    allowPrivate,
    max,
    since,
  };
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
