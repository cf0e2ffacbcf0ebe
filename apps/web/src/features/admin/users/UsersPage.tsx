import type { InvitationDto } from '@barometer/core';
import { useState } from 'react';
import { useNow } from '../../../lib/use-now.ts';
import { useSession } from '../../session/use-session.ts';
import { InvitationLink } from './InvitationLink.tsx';
import { InviteUserForm } from './InviteUserForm.tsx';
import { UserRow } from './UserRow.tsx';
import { useUsers } from './use-users.ts';

/** Who can sign in, with what roles; admins invite people and change their roles here. */
export function UsersPage() {
  const session = useSession();
  const users = useUsers();
  const now = useNow();
  const [invitation, setInvitation] = useState<InvitationDto | null>(null);
  const canWrite = session.data?.permissions.includes('users.write') ?? false;
  const you = session.data?.user.id;

  return (
    <div className="page users-page">
      <h1 className="page-title">People</h1>
      {invitation && (
        <InvitationLink
          key={invitation.invitationUrl}
          invitation={invitation}
          onDone={() => setInvitation(null)}
        />
      )}
      {users.isError && (
        <div className="notice notice-error" role="alert">
          Could not load the people: {users.error.message}
        </div>
      )}
      {users.isPending ? (
        <p className="empty">Loading people…</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table users-table" data-testid="users-table">
            <caption className="visually-hidden">People who can sign in</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                {canWrite && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {(users.data ?? []).map((user) => (
                <UserRow
                  // Remounted when the saved roles change, so the checkboxes start from them.
                  key={`${user.id}:${user.roles.join(',')}`}
                  user={user}
                  now={now}
                  canWrite={canWrite}
                  isYou={user.id === you}
                  onInvitation={setInvitation}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && <InviteUserForm onInvited={setInvitation} />}
    </div>
  );
}
