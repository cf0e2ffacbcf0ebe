import type { SessionDto } from '@barometer/core';
import { useSignOut } from './use-session.ts';

/** Who is signed in, and the two ways out. */
export function UserMenu({ session }: { session: SessionDto }) {
  const signOut = useSignOut();
  return (
    <details className="user-menu">
      <summary>
        <span className="user-name">{session.user.displayName}</span>
      </summary>
      <div className="user-menu-panel" role="menu">
        <p className="muted small">
          {session.user.email}
          <br />
          {session.user.roles.join(', ')}
        </p>
        <button type="button" className="button secondary" onClick={() => signOut.mutate('this')}>
          Sign out
        </button>
        <button type="button" className="button secondary" onClick={() => signOut.mutate('all')}>
          Sign out on every device
        </button>
      </div>
    </details>
  );
}
