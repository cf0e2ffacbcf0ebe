import type { IncomingHttpHeaders } from 'node:http';

export type RecordedRequest = {
  at: Date;
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: IncomingHttpHeaders;
};

/** Every request to a fake platform, so tests can check what a connector sent (and did not). */
export type RequestLog = {
  record(entry: RecordedRequest): void;
  all(): readonly RecordedRequest[];
  clear(): void;
};

export function createRequestLog(limit = 5000): RequestLog {
  const entries: RecordedRequest[] = [];
  return {
    record(entry) {
      entries.push(entry);
      if (entries.length > limit) entries.splice(0, entries.length - limit);
    },
    all: () => entries,
    clear: () => {
      entries.length = 0;
    },
  };
}

export function queryOf(url: URL): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) {
    out[key] = [...(out[key] ?? []), value];
  }
  return out;
}
