import type { SessionDto } from '@barometer/core';
import { lazy, Suspense, useEffect } from 'react';
import { AuditPage } from '../features/admin/audit/AuditPage.tsx';
import { UsersPage } from '../features/admin/users/UsersPage.tsx';
import { AlertBanner } from '../features/alerts/AlertBanner.tsx';
import { AlertsPage } from '../features/alerts/AlertsPage.tsx';
import { useLiveAlerts } from '../features/alerts/use-live-alerts.ts';
import { InboxPage } from '../features/inbox/InboxPage.tsx';
import { LiveStatus } from '../features/inbox/LiveStatus.tsx';
import { useLiveStore } from '../features/inbox/live-context.tsx';
import { IssuesPage } from '../features/issues/IssuesPage.tsx';
import { ScorerProgress } from '../features/scorer/ScorerProgress.tsx';
import { InvitationPage } from '../features/session/InvitationPage.tsx';
import { LoginPage } from '../features/session/LoginPage.tsx';
import { UserMenu } from '../features/session/UserMenu.tsx';
import { useSession } from '../features/session/use-session.ts';
import { SourcesPage } from '../features/sources/SourcesPage.tsx';
import { invitationToken, pageFor, usePathname } from '../lib/router.ts';
import { Link } from './Link.tsx';

// The barometer brings the charting library: loaded only when a manager opens it.
const BarometerPage = lazy(() =>
  import('../features/barometer/BarometerPage.tsx').then((m) => ({ default: m.BarometerPage })),
);

/** Nobody sees anything but the sign-in page (or an invitation) until they are signed in. */
export function App() {
  const pathname = usePathname();
  const session = useSession();
  const live = useLiveStore();
  const signedIn = Boolean(session.data);
  useEffect(() => {
    if (!signedIn) live.disconnect();
  }, [signedIn, live]);

  const token = invitationToken(pathname);
  if (token) return <InvitationPage token={token} />;
  if (session.isPending) {
    return (
      <main className="signin" id="main">
        <p className="muted">Loading…</p>
      </main>
    );
  }
  if (session.isError) {
    return (
      <main className="signin" id="main">
        <div className="signin-card card">
          <h1>Barometer is not answering</h1>
          <p>{session.error.message}</p>
          <button type="button" className="button" onClick={() => session.refetch()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  if (!session.data) return <LoginPage />;
  return <SignedInApp session={session.data} pathname={pathname} />;
}

function SignedInApp({ session, pathname }: { session: SessionDto; pathname: string }) {
  const page = pageFor(pathname);
  const live = useLiveStore();
  const may = (permission: string) => session.permissions.includes(permission);
  useLiveAlerts();
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
          {may('mentions.read') && (
            <Link to="/issues" className="nav-link" current={page === 'issues'}>
              Emerging issues
            </Link>
          )}
          {may('sources.read') && (
            <Link to="/sources" className="nav-link" current={page === 'sources'}>
              Sources
            </Link>
          )}
          {may('alerts.read') && (
            <Link to="/alerts" className="nav-link" current={page === 'alerts'}>
              Alerts
            </Link>
          )}
          {may('users.read') && (
            <Link to="/admin/users" className="nav-link" current={page === 'users'}>
              People
            </Link>
          )}
          {may('audit.read') && (
            <Link to="/admin/audit" className="nav-link" current={page === 'audit'}>
              Audit log
            </Link>
          )}
          {may('reports.read') && (
            <Link to="/reports" className="nav-link" current={page === 'barometer'}>
              Barometer
            </Link>
          )}
        </nav>
        <span className="topbar-spacer" />
        {may('scorer.read') && <ScorerProgress />}
        <LiveStatus />
        <UserMenu session={session} />
      </header>
      {may('alerts.read') && <AlertBanner />}
      <main id="main" className="main">
        {page === 'inbox' && <InboxPage />}
        {page === 'issues' && <IssuesPage />}
        {page === 'sources' && <SourcesPage />}
        {page === 'users' && (may('users.read') ? <UsersPage /> : <NotAllowed />)}
        {page === 'audit' && (may('audit.read') ? <AuditPage /> : <NotAllowed />)}
        {page === 'barometer' &&
          (may('reports.read') ? (
            <Suspense fallback={<div className="empty">Loading the barometer…</div>}>
              <BarometerPage />
            </Suspense>
          ) : (
            <NotAllowed />
          ))}
        {page === 'alerts' &&
          (may('alerts.read') ? (
            <AlertsPage
              canConfigure={may('alerts.configure')}
              canAcknowledge={may('alerts.acknowledge')}
            />
          ) : (
            <NotAllowed />
          ))}
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

/** A page the person's roles do not include (a bookmarked link, a role taken away). */
function NotAllowed() {
  return (
    <div className="empty">
      <h1>This page is for admins</h1>
      <p>Your roles do not include it. Ask an admin if you need it.</p>
      <Link to="/">Back to the inbox</Link>
    </div>
  );
}
