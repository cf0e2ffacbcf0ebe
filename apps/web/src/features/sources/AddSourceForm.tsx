import type { SourcePreset } from '@barometer/core';
import { type FormEvent, useState } from 'react';
import { DiscoverFeeds } from './DiscoverFeeds.tsx';
import { useCreateSource } from './use-source-mutations.ts';
import { useSourcePresets } from './use-source-presets.ts';

interface Draft {
  name: string;
  url: string;
  isQueryFeed: boolean;
  pollIntervalSeconds: string;
}

const EMPTY: Draft = { name: '', url: '', isQueryFeed: false, pollIntervalSeconds: '300' };

/** Adds an RSS/Atom source. The API validates; its message is shown next to the form as is. */
export function AddSourceForm() {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateSource();
  const presets = useSourcePresets();

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setAdded(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const applyPreset = (preset: SourcePreset) => {
    setAdded(null);
    create.reset();
    setDraft({ ...draft, name: preset.name, url: preset.url, isQueryFeed: preset.isQueryFeed });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const interval = Number(draft.pollIntervalSeconds);
    create.mutate(
      {
        kind: 'rss',
        name: draft.name,
        url: draft.url,
        isQueryFeed: draft.isQueryFeed,
        pollIntervalSeconds: Number.isFinite(interval) ? interval : undefined,
      },
      {
        onSuccess: (source) => {
          setAdded(source.name);
          setDraft(EMPTY);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="add-source-title">
      <h2 id="add-source-title">Add a source</h2>
      {presets.data && presets.data.length > 0 && (
        <div className="presets">
          <h3 className="small-heading">Ready-made searches</h3>
          <ul>
            {presets.data.map((preset) => (
              <li key={preset.id}>
                <button type="button" className="preset" onClick={() => applyPreset(preset)}>
                  <strong>{preset.label}</strong>
                  <span className="muted small">{preset.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <DiscoverFeeds
        onPick={(feed) => {
          setAdded(null);
          create.reset();
          setDraft((d) => ({ ...d, url: feed.url, name: d.name || feed.title || '' }));
        }}
      />
      <form className="source-form" onSubmit={onSubmit} noValidate data-testid="add-source-form">
        <label>
          <span>Name</span>
          <input
            name="name"
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            placeholder="Local news: Hospital"
            autoComplete="off"
          />
        </label>
        <label>
          <span>Feed address (RSS or Atom)</span>
          <input
            name="url"
            type="url"
            inputMode="url"
            value={draft.url}
            onChange={(e) => set('url', e.target.value)}
            placeholder="https://example.org/feed.xml"
            autoComplete="off"
          />
        </label>
        <label>
          <span>Check every (seconds)</span>
          <input
            name="pollIntervalSeconds"
            type="number"
            min={30}
            max={86400}
            value={draft.pollIntervalSeconds}
            onChange={(e) => set('pollIntervalSeconds', e.target.value)}
          />
        </label>
        <label className="check">
          <input
            name="isQueryFeed"
            type="checkbox"
            checked={draft.isQueryFeed}
            onChange={(e) => set('isQueryFeed', e.target.checked)}
          />
          <span>
            Search feed (keep every item; otherwise only items that mention the trust are kept)
          </span>
        </label>
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add source'}
          </button>
        </div>
        {create.isError && (
          <p className="form-error" role="alert" data-testid="source-form-error">
            {create.error.message}
          </p>
        )}
        {added && (
          <p className="form-ok" role="status">
            Added “{added}”. It will be polled shortly.
          </p>
        )}
      </form>
    </section>
  );
}
