export class UnknownFeedError extends Error {
  override name = 'UnknownFeedError';
}

/** Bench feeds are generated on every fetch, so there is nothing to publish into. */
export class BenchModeError extends Error {
  override name = 'BenchModeError';
}
