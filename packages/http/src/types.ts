export interface HttpTimeouts {
  /** TCP (and TLS) connection established. */
  connectMs: number;
  /** Response headers received, counted from the start of each hop. */
  headersMs: number;
  /** Longest silence allowed while the body streams in (slow-loris guard). */
  bodyIdleMs: number;
  /** Whole exchange, every redirect hop included. */
  totalMs: number;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * What the guarded client may do. Private, loopback, link-local, CGNAT, multicast and reserved
 * addresses are refused unless `allowPrivate` is true (an operator's choice, like Miniflux's
 * FETCHER_ALLOW_PRIVATE_NETWORKS) or the address falls in one of `allowedCidrs` (a narrower
 * exception, e.g. one intranet feed server: "10.20.0.0/16", "127.0.0.1/32").
 */
export interface HttpPolicy {
  allowPrivate: boolean;
  allowedCidrs?: string[];
  userAgent?: string;
  timeouts?: Partial<HttpTimeouts>;
  /** Cap on the decoded (decompressed) body. */
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Name resolution, injectable so tests can map a hostname to loopback. Defaults to dns.lookup. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}
