import { type FormEvent, useState } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { useAuthProviders, useSignIn } from './use-session.ts';

/** The sign-in page: e-mail and password, and the trust's single sign-on when it is set up. */
export function LoginPage() {
  const providers = useAuthProviders();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const ssoFailed = new URLSearchParams(window.location.search).get('sso');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <main className="signin" id="main">
      <div className="signin-card card">
        <div className="brand signin-brand">
          <span className="brand-mark" aria-hidden="true">
            B
          </span>
          <span className="brand-name">Barometer</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">
          Use the e-mail address your admin added you with. New here? Ask an admin for an invitation
          link.
        </p>
        {ssoFailed && (
          <p className="form-error" role="alert">
            {ssoFailed}
          </p>
        )}
        {providers.data?.oidc && (
          <>
            <a className="button sso-button" href="/api/auth/oidc/start">
              {providers.data.oidc.label}
            </a>
            <p className="divider">
              <span>or with a password</span>
            </p>
          </>
        )}
        <form className="signin-form" onSubmit={onSubmit} noValidate data-testid="signin-form">
          <label>
            <span>E-mail address</span>
            <input
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={Boolean(error?.fields.email)}
              aria-describedby={error?.fields.email ? 'email-error' : undefined}
            />
            {error?.fields.email && (
              <span className="field-error" id="email-error">
                {error.fields.email}
              </span>
            )}
          </label>
          <label>
            <span>Password</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(error?.fields.password)}
              aria-describedby={error?.fields.password ? 'password-error' : undefined}
            />
            {error?.fields.password && (
              <span className="field-error" id="password-error">
                {error.fields.password}
              </span>
            )}
          </label>
          {error && Object.keys(error.fields).length === 0 && (
            <p className="form-error" role="alert" data-testid="signin-error">
              {error.message}
            </p>
          )}
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted small">
          Running the demo? <code>npm start</code> printed the demo admin's e-mail and password in
          its terminal.
        </p>
      </div>
    </main>
  );
}
