import type { InvitationDto, Role, UserDto } from '@barometer/core';
import { useState } from 'react';
import { TimeStamp } from '../../../components/TimeStamp.tsx';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { rolesInWords } from '../role-labels.ts';
import { RoleChoices } from './RoleChoices.tsx';
import { useRenewInvitation, useUpdateUser } from './use-user-mutations.ts';
import { sameRoles, USER_STATUS_LABEL, userStatus } from './user-status.ts';

/** One person: roles as checkboxes saved together, disable/enable, and a fresh invitation link. */
export function UserRow({
  user,
  now,
  canWrite,
  isYou,
  onInvitation,
}: {
  user: UserDto;
  now: Date;
  canWrite: boolean;
  isYou: boolean;
  onInvitation: (invitation: InvitationDto) => void;
}) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const update = useUpdateUser();
  const renew = useRenewInvitation();
  const changed = !sameRoles(roles, user.roles);
  const errors = formErrorsOf(update.error ?? renew.error, ['roles'] as const);
  // A refusal (the last admin) is said beside what was changed: the roles, or the buttons.
  const rolesRefused = update.isError && update.variables?.body.roles !== undefined;
  const rolesError = errors.fields.roles ?? (rolesRefused ? errors.general : null);
  const actionsError = rolesRefused ? null : errors.general;
  const status = userStatus(user);
  const errorId = `user-${user.id}-error`;

  const saveRoles = () =>
    update.mutate({ id: user.id, body: { roles } }, { onError: () => setRoles(user.roles) });
  const setDisabled = (disabled: boolean) => update.mutate({ id: user.id, body: { disabled } });

  return (
    <tr data-testid="user-row" className={user.disabled ? 'is-disabled' : undefined}>
      <th scope="row" data-label="Person">
        <div className="person">
          <strong>
            {user.displayName}
            {isYou && <span className="muted"> (you)</span>}
          </strong>
          <span className="muted small break">{user.email}</span>
        </div>
      </th>
      <td data-label="Roles">
        {canWrite ? (
          <>
            <RoleChoices
              legend={`Roles of ${user.displayName}`}
              value={roles}
              onChange={(next) => {
                update.reset();
                setRoles(next);
              }}
              disabled={update.isPending}
              error={rolesError ?? undefined}
              errorId={`${errorId}-roles`}
              compact
            />
            {changed && (
              <div className="row-actions">
                <button
                  type="button"
                  className="button small-button"
                  onClick={saveRoles}
                  disabled={update.isPending}
                >
                  Save roles
                </button>
                <button type="button" className="link-button" onClick={() => setRoles(user.roles)}>
                  Undo
                </button>
              </div>
            )}
            {changed && isYou && (
              <p className="muted small">
                Changing your own roles signs you out; sign in again to use the new ones.
              </p>
            )}
          </>
        ) : (
          rolesInWords(user.roles)
        )}
      </td>
      <td data-label="Status">
        <span className={`badge user-status user-status-${status}`}>
          {USER_STATUS_LABEL[status]}
        </span>
      </td>
      <td data-label="Last sign-in">
        {user.lastSignInAt ? (
          <TimeStamp value={user.lastSignInAt} now={now} compact />
        ) : (
          <span className="muted">never</span>
        )}
      </td>
      {canWrite && (
        <td data-label="Actions">
          <div className="row-actions">
            {/* Disabling yourself would sign you out at once; another admin can do it. */}
            {!isYou && (
              <button
                type="button"
                className="link-button"
                disabled={update.isPending}
                onClick={() => setDisabled(!user.disabled)}
              >
                {user.disabled ? 'Enable' : 'Disable'}
                <span className="visually-hidden"> {user.displayName}</span>
              </button>
            )}
            {!user.singleSignOn && (
              <button
                type="button"
                className="link-button"
                disabled={renew.isPending}
                onClick={() => renew.mutate(user.id, { onSuccess: onInvitation })}
              >
                New invitation link
                <span className="visually-hidden"> for {user.displayName}</span>
              </button>
            )}
          </div>
          {actionsError && (
            <p className="field-error" role="alert" id={errorId}>
              {actionsError}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}
