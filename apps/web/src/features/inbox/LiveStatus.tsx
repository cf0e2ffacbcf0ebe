import { useEffect, useState } from 'react';
import { useLiveState, useLiveStore } from './live-context.tsx';

const TEXT = {
  // Before the first page has loaded the socket is not opened yet: it is about to be.
  idle: 'Connecting…',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
} as const;

/** The connection state in words (and a dot), with a retry countdown while reconnecting. */
export function LiveStatus() {
  const { status, retryInMs, lastError } = useLiveState();
  const store = useLiveStore();
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [, tick] = useState(0);
  useEffect(() => setRetryAt(retryInMs === null ? null : Date.now() + retryInMs), [retryInMs]);
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [retryAt]);
  const seconds = retryAt === null ? null : Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));

  return (
    <span className={`live-status live-${status}`} title={lastError ?? undefined}>
      <span className="live-dot" aria-hidden="true" />
      <span data-testid="live-status" role="status">
        {TEXT[status]}
      </span>
      {status === 'reconnecting' && seconds !== null && seconds > 0 && (
        <button type="button" className="link-button small" onClick={() => store.reconnectNow()}>
          retry now ({seconds}s)
        </button>
      )}
    </span>
  );
}
