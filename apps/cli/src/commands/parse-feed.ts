import { readFile } from 'node:fs/promises';
import { type ParsedFeed, parseFeed, pollFeed } from '@barometer/connectors';
import { ConnectorError, HostGate, type HttpPolicy } from '@barometer/http';

const USAGE = `usage: barometer parse-feed [--jsonl] [--allow-private] [--base-url URL] <file-or-url>...

Parses each feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) and prints one JSON object per
line per input, in order. URLs are fetched through the guarded HTTP client, which refuses
private and loopback addresses unless --allow-private is given. --base-url resolves relative
links in local files. Exit code 0 when every input was processed, even with errors; 2 on a
usage error.
`;

const FILE_CONCURRENCY = 16;
const URL_CONCURRENCY = 8;

interface Options {
  allowPrivate: boolean;
  baseUrl: string | null;
  inputs: string[];
}

export interface Output {
  write(chunk: string): unknown;
}

export function run(args: string[]): Promise<number> {
  return parseFeedCommand(args, process.stdout, process.stderr);
}

/** The command with its streams passed in, so tests can read what it prints. */
export async function parseFeedCommand(
  args: string[],
  stdout: Output,
  stderr: Output,
): Promise<number> {
  const options = parseArgs(args);
  if (options === 'help') {
    stdout.write(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    stderr.write(`barometer parse-feed: ${options}\n${USAGE}`);
    return 2;
  }
  const policy: HttpPolicy = { allowPrivate: options.allowPrivate };
  const gate = new HostGate();
  const lines: (string | undefined)[] = new Array(options.inputs.length);
  let next = 0;
  // Print in input order as soon as the next result is ready.
  const flush = () => {
    let chunk = '';
    while (next < lines.length && lines[next] !== undefined) {
      chunk += lines[next];
      lines[next++] = '';
    }
    if (chunk) stdout.write(chunk);
  };
  // Any scheme:// goes to the guarded client, which refuses everything but http(s) in plain words.
  const isUrl = (input: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
  const indexes = options.inputs.map((_, i) => i);
  const process1 = async (i: number) => {
    const input = options.inputs[i]!;
    const result = isUrl(input)
      ? await gate.run(input, () => fromUrl(input, policy))
      : await fromFile(input, options.baseUrl);
    lines[i] = `${JSON.stringify({ input, ...result })}\n`;
    flush();
  };
  await Promise.all([
    mapLimit(
      indexes.filter((i) => !isUrl(options.inputs[i]!)),
      FILE_CONCURRENCY,
      process1,
    ),
    mapLimit(
      indexes.filter((i) => isUrl(options.inputs[i]!)),
      URL_CONCURRENCY,
      process1,
    ),
  ]);
  flush();
  return 0;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { allowPrivate: false, baseUrl: null, inputs: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      options.inputs.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--jsonl') continue; // one object per line is the only output format
    if (arg === '--allow-private') options.allowPrivate = true;
    else if (arg === '--base-url' || arg.startsWith('--base-url=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!value || !/^https?:\/\//i.test(value) || !URL.canParse(value)) {
        return '--base-url needs an absolute http(s) URL';
      }
      options.baseUrl = value;
    } else if (arg === '--help' || arg === '-h') return 'help';
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) return 'no feed given';
  return options;
}

type Result =
  | {
      ok: true;
      format: ParsedFeed['format'];
      feed: { title: string | null; url: string | null };
      items: unknown[];
    }
  | { ok: false; error: { code: string; message: string } };

async function fromFile(path: string, baseUrl: string | null): Promise<Result> {
  let body: Uint8Array;
  try {
    body = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory'
          : 'could not read the file';
    return { ok: false, error: { code: 'read-error', message } };
  }
  return describe(() => parseFeed(body, { url: baseUrl }));
}

async function fromUrl(url: string, policy: HttpPolicy): Promise<Result> {
  try {
    const result = await pollFeed(
      url,
      { etag: null, lastModified: null, contentHash: null },
      policy,
    );
    if (result.status !== 'ok') throw new Error('unexpected not-modified without validators');
    return describe(() => result.feed);
  } catch (error) {
    return failure(error);
  }
}

function describe(parse: () => ParsedFeed): Result {
  try {
    const feed = parse();
    return {
      ok: true,
      format: feed.format,
      feed: { title: feed.title, url: feed.url },
      items: feed.items.map((m) => ({
        id: m.externalId,
        url: m.url,
        title: m.title,
        text: m.text,
        html: m.html,
        author: m.author,
        publishedAt: m.publishedAt,
        parentId: m.parentExternalId,
      })),
    };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): Result {
  if (error instanceof ConnectorError) {
    return { ok: false, error: { code: error.code, message: error.message } };
  }
  return { ok: false, error: { code: 'internal', message: 'unexpected error while parsing' } };
}

async function mapLimit<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let cursor = 0;
  const worker = async () => {
    while (cursor < items.length) await task(items[cursor++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
