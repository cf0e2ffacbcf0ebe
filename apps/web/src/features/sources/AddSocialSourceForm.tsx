import { type FormEvent, useState } from 'react';
import { useSession } from '../session/use-session.ts';
import {
  SOCIAL_KINDS,
  type SocialDraft,
  type SocialKind,
  socialSourceBody,
} from './social-kinds.ts';
import { useCreateSource, useSetSourceCredential } from './use-source-mutations.ts';

const EMPTY: SocialDraft = {
  kind: 'mastodon',
  name: '',
  url: '',
  query: '',
  pollIntervalSeconds: '300',
};

/**
 * Adds a social platform source. The credential, when given, is sent once after the source is
 * created and is never shown again: the table only says whether one is set.
 */
export function AddSocialSourceForm() {
  const session = useSession();
  const mayCredentials = session.data?.permissions.includes('sources.credentials') ?? false;
  const [draft, setDraft] = useState<SocialDraft>(EMPTY);
  const [credential, setCredential] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateSource();
  const setSecret = useSetSourceCredential();
  const info = SOCIAL_KINDS[draft.kind];

  const set = <K extends keyof SocialDraft>(key: K, value: SocialDraft[K]) => {
    setAdded(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(socialSourceBody(draft), {
      onSuccess: (source) => {
        const done = () => {
          setAdded(source.name);
          setDraft(EMPTY);
          setCredential('');
        };
        if (credential.trim() && mayCredentials) {
          setSecret.mutate({ id: source.id, credential: credential.trim() }, { onSuccess: done });
        } else done();
      },
    });
  };

  return (
    <section className="card" aria-labelledby="add-social-title">
      <h2 id="add-social-title">Add a social platform</h2>
      <form className="source-form" onSubmit={onSubmit} noValidate data-testid="add-social-form">
        <label>
          <span>Platform</span>
          <select value={draft.kind} onChange={(e) => set('kind', e.target.value as SocialKind)}>
            {(Object.keys(SOCIAL_KINDS) as SocialKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {SOCIAL_KINDS[kind].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Name</span>
          <input
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            placeholder={info.label}
          />
        </label>
        <label>
          <span>Address</span>
          <input
            value={draft.url}
            onChange={(e) => set('url', e.target.value)}
            placeholder={info.defaultUrl}
          />
        </label>
        {info.queryLabel ? (
          <label>
            <span>{info.queryLabel}</span>
            <input value={draft.query} onChange={(e) => set('query', e.target.value)} />
            <span className="muted small">{info.queryHint}</span>
          </label>
        ) : (
          <p className="muted small">{info.queryHint}</p>
        )}
        {info.credentialLabel && mayCredentials && (
          <label>
            <span>
              {info.credentialLabel}
              {info.needsCredential ? '' : ' (optional)'}
            </span>
            <input
              type="password"
              autoComplete="off"
              value={credential}
              onChange={(e) => setCredential(e.target.value)}
            />
            <span className="muted small">
              {info.credentialHint}. Stored encrypted; never shown again.
            </span>
          </label>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            disabled={create.isPending || setSecret.isPending}
          >
            {create.isPending ? 'Adding…' : 'Add platform'}
          </button>
        </div>
        {create.isError && (
          <p className="form-error" role="alert">
            Could not add it: {create.error.message}
          </p>
        )}
        {setSecret.isError && (
          <p className="form-error" role="alert">
            The source was added but its credential was not saved: {setSecret.error.message}
          </p>
        )}
        {added && (
          <p className="form-ok" role="status">
            Added “{added}”. It will be read shortly.
          </p>
        )}
      </form>
    </section>
  );
}
