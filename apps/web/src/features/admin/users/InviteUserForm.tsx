import type { InvitationDto, Role } from '@barometer/core';
import { type FormEvent, useState } from 'react';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { RoleChoices } from './RoleChoices.tsx';
import { useInviteUser } from './use-user-mutations.ts';

const FIELDS = ['displayName', 'email', 'roles'] as const;

/** Invites a person: the API makes the account and a one-time link to set a password. */
export function InviteUserForm({ onInvited }: { onInvited: (invitation: InvitationDto) => void }) {
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['officer']);
  const invite = useInviteUser();
  const errors = formErrorsOf(invite.error, FIELDS);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { displayName, email, roles },
      {
        onSuccess: (invitation) => {
          setDisplayName('');
          setEmail('');
          setRoles(['officer']);
          onInvited(invitation);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a person</h2>
      <form className="stack-form" onSubmit={onSubmit} noValidate data-testid="invite-form">
        <div className="form-row">
          <label>
            <span>Name</span>
            <input
              name="displayName"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              autoComplete="off"
              aria-invalid={errors.fields.displayName ? true : undefined}
              aria-describedby={errors.fields.displayName ? 'invite-name-error' : undefined}
            />
            {errors.fields.displayName && (
              <p className="field-error" id="invite-name-error">
                {errors.fields.displayName}
              </p>
            )}
          </label>
          <label>
            <span>E-mail address</span>
            <input
              name="email"
              type="email"
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="off"
              aria-invalid={errors.fields.email ? true : undefined}
              aria-describedby={errors.fields.email ? 'invite-email-error' : undefined}
            />
            {errors.fields.email && (
              <p className="field-error" id="invite-email-error">
                {errors.fields.email}
              </p>
            )}
          </label>
        </div>
        <RoleChoices
          legend="Roles"
          value={roles}
          onChange={setRoles}
          error={errors.fields.roles}
          errorId="invite-roles-error"
        />
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={invite.isPending}>
            {invite.isPending ? 'Inviting…' : 'Invite and make a link'}
          </button>
        </div>
      </form>
    </section>
  );
}
