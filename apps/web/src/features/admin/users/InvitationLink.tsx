import type { InvitationDto } from '@barometer/core';
import { useEffect, useRef, useState } from 'react';
import { formatLondon } from '../../../lib/time-format.ts';

/** The one-time link, shown once: the API never gives it out again (a new one can be made). */
export function InvitationLink({
  invitation,
  onDone,
}: {
  invitation: InvitationDto;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const { user, invitationUrl, expiresAt } = invitation;
  const heading = useRef<HTMLHeadingElement>(null);
  // The link may come from a row far down the list: bring it into view and to the reader.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus();
  }, []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitationUrl);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section
      className="card invitation-link"
      aria-labelledby="invitation-link-title"
      data-testid="invitation-link"
    >
      <h2 id="invitation-link-title" ref={heading} tabIndex={-1}>
        Invitation link for {user.displayName}
      </h2>
      <p>
        Send this link to {user.displayName} ({user.email}). It sets their password and works once,
        until {formatLondon(expiresAt)}. <strong>It will not be shown again.</strong>
      </p>
      <div className="copy-row">
        <label className="copy-field">
          <span className="visually-hidden">Invitation link</span>
          <input readOnly value={invitationUrl} onFocus={(e) => e.target.select()} />
        </label>
        <button type="button" className="button" onClick={copy}>
          Copy link
        </button>
      </div>
      <p className="small" role="status">
        {copied === 'yes' && (
          <span className="form-ok">Copied. Paste it into an e-mail or chat.</span>
        )}
        {copied === 'failed' && (
          <span className="field-error">
            This browser would not copy it: select the link and copy it yourself.
          </span>
        )}
      </p>
      <button type="button" className="button secondary" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
