import { useEffect } from 'react';
import { InboxPage } from '../features/inbox/InboxPage.tsx';
import { LiveStatus } from '../features/inbox/LiveStatus.tsx';
import { useLiveStore } from '../features/inbox/live-context.tsx';
import { ScorerProgress } from '../features/scorer/ScorerProgress.tsx';
import { SourcesPage } from '../features/sources/SourcesPage.tsx';
import { pageFor, usePathname } from '../lib/router.ts';
import { Link } from './Link.tsx';

export function App() {
  const page = pageFor(usePathname());
  const live = useLiveStore();
  // Pages other than the inbox hold no mentions: connect straight away, with nothing to resume.
  useEffect(() => {
    if (page !== 'inbox') live.connect(null);
  }, [page, live]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            B
          </span>
          <span className="brand-name">Barometer</span>
        </span>
        <nav aria-label="Main">
          <Link to="/" className="nav-link" current={page === 'inbox'}>
            Inbox
          </Link>
          <Link to="/sources" className="nav-link" current={page === 'sources'}>
            Sources
          </Link>
        </nav>
        <span className="topbar-spacer" />
        <ScorerProgress />
        <LiveStatus />
      </header>
      <main id="main" className="main">
        {page === 'inbox' && <InboxPage />}
        {page === 'sources' && <SourcesPage />}
        {page === 'not-found' && (
          <div className="empty">
            <h1>Page not found</h1>
            <Link to="/">Back to the inbox</Link>
          </div>
        )}
      </main>
    </div>
  );
}
