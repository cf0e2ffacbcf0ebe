import { type FormEvent, useState } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { navigate } from '../../lib/router.ts';
import { useAcceptInvitation, useInvitation } from './use-session.ts';

/** A one-time link from an admin: the person chooses their password and is signed in. */
export function InvitationPage({ token }: { token: string }) {
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const error = accept.error instanceof ApiError ? accept.error : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    accept.mutate(password, { onSuccess: () => navigate('/') });
  };

  return (
    <main className="signin" id="main">
      <div className="signin-card card">
        <h1>Choose your password</h1>
        {invitation.isPending && <p className="muted">Checking your link…</p>}
        {invitation.isError && (
          <p className="form-error" role="alert">
            {invitation.error instanceof ApiError
              ? invitation.error.message
              : 'This link cannot be checked right now; try again in a minute.'}
          </p>
        )}
        {invitation.data && (
          <form className="signin-form" onSubmit={onSubmit} noValidate>
            <p>
              Welcome, {invitation.data.displayName}. You will sign in as{' '}
              <strong>{invitation.data.email}</strong>.
            </p>
            <label>
              <span>New password</span>
              <span className="hint">
                At least 12 characters; three or four random words work well.
              </span>
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              {error?.fields.password && (
                <span className="field-error">{error.fields.password}</span>
              )}
            </label>
            <label>
              <span>The same password again</span>
              <input
                name="repeat"
                type="password"
                autoComplete="new-password"
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
              {mismatch && <span className="field-error">The two passwords are not the same</span>}
            </label>
            {error && !error.fields.password && (
              <p className="form-error" role="alert">
                {error.message}
              </p>
            )}
            <button type="submit" className="button" disabled={accept.isPending}>
              {accept.isPending ? 'Saving…' : 'Save and sign in'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
