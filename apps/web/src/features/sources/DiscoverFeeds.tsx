import type { DiscoveredFeed } from '@barometer/core';
import { type FormEvent, useState } from 'react';
import { Untrusted } from '../../components/Untrusted.tsx';
import { isMissingRoute } from '../../lib/api-client.ts';
import { useDiscoverFeeds } from './use-source-mutations.ts';

/** "Find feed on a web page": hidden for good once the API says it has no such route (404). */
export function DiscoverFeeds({ onPick }: { onPick: (feed: DiscoveredFeed) => void }) {
  const [url, setUrl] = useState('');
  const [unavailable, setUnavailable] = useState(false);
  const discover = useDiscoverFeeds();

  if (unavailable) {
    return (
      <p className="muted small" role="status">
        Finding feeds on a web page is not available on this server yet; paste the feed address
        below.
      </p>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    discover.mutate(url, {
      onError: (error) => {
        if (isMissingRoute(error)) setUnavailable(true);
      },
    });
  };

  const feeds = discover.data?.items;
  return (
    <details className="discover">
      <summary>Find the feed on a web page</summary>
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <label>
          <span className="visually-hidden">Web page address</span>
          <input
            type="url"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://www.localnews.example/"
          />
        </label>
        <button type="submit" className="button secondary" disabled={discover.isPending || !url}>
          {discover.isPending ? 'Looking…' : 'Find feeds'}
        </button>
      </form>
      {discover.isError && !unavailable && (
        <p className="form-error" role="alert">
          {discover.error.message}
        </p>
      )}
      {feeds && feeds.length === 0 && <p className="muted">No feeds found on that page.</p>}
      {feeds && feeds.length > 0 && (
        <ul className="discovered">
          {feeds.map((feed) => (
            <li key={feed.url}>
              <button type="button" className="link-button" onClick={() => onPick(feed)}>
                Use
              </button>{' '}
              <strong>
                <Untrusted text={feed.title ?? 'Untitled feed'} />
              </strong>{' '}
              <span className="muted small break">{feed.url}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
