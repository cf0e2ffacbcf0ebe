import type { SourceCreateBody, SourcePreset } from '@barometer/core';
import { type FormEvent, useState } from 'react';
import { type FormErrors, NO_ERRORS } from '../../lib/form-errors.ts';
import { DiscoverFeeds } from './DiscoverFeeds.tsx';
import { SourcePreviewPanel } from './SourcePreviewPanel.tsx';
import {
  checkSourceDraft,
  EMPTY_DRAFT,
  type SourceDraft,
  type SourceField,
  sourceFormErrors,
} from './source-draft.ts';
import { useCreateSource, usePreviewSource } from './use-source-mutations.ts';
import { useSourcePresets } from './use-source-presets.ts';

/**
 * Adds a source in two steps: "Check this feed" fetches it once and shows what it would bring,
 * then "Add this source" saves it. Problems are said beside the field they concern.
 */
export function AddSourceForm() {
  const [draft, setDraft] = useState<SourceDraft>(EMPTY_DRAFT);
  const [checked, setChecked] = useState<SourceCreateBody | null>(null);
  const [ownErrors, setOwnErrors] = useState<FormErrors<SourceField>>(NO_ERRORS);
  const [added, setAdded] = useState<string | null>(null);
  const preview = usePreviewSource();
  const create = useCreateSource();
  const presets = useSourcePresets();

  const errors =
    ownErrors !== NO_ERRORS ? ownErrors : sourceFormErrors(create.error ?? preview.error);
  const edit = (next: SourceDraft) => {
    setAdded(null);
    setChecked(null);
    setOwnErrors(NO_ERRORS);
    preview.reset();
    create.reset();
    setDraft(next);
  };
  const set = <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) =>
    edit({ ...draft, [key]: value });
  const applyPreset = (preset: SourcePreset) =>
    edit({ ...draft, name: preset.name, url: preset.url, isQueryFeed: preset.isQueryFeed });

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    const check = checkSourceDraft(draft);
    if (!check.ok) {
      setOwnErrors(check.errors);
      return;
    }
    setOwnErrors(NO_ERRORS);
    create.reset();
    preview.mutate(
      { url: check.body.url, isQueryFeed: check.body.isQueryFeed },
      { onSuccess: () => setChecked(check.body) },
    );
  };
  const onAdd = () => {
    if (!checked) return;
    create.mutate(checked, {
      onSuccess: (source) => {
        setAdded(source.name);
        setChecked(null);
        preview.reset();
        setDraft(EMPTY_DRAFT);
      },
    });
  };

  const field = (name: SourceField) => ({
    'aria-invalid': errors.fields[name] ? true : undefined,
    'aria-describedby': errors.fields[name] ? `source-${name}-error` : undefined,
  });
  const fieldError = (name: SourceField) =>
    errors.fields[name] && (
      <span className="field-error" id={`source-${name}-error`}>
        {errors.fields[name]}
      </span>
    );

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
        onPick={(feed) => edit({ ...draft, url: feed.url, name: draft.name || feed.title || '' })}
      />
      <form className="source-form" onSubmit={onCheck} noValidate data-testid="add-source-form">
        <label>
          <span>Name</span>
          <input
            name="name"
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            placeholder="Local news: Hospital"
            autoComplete="off"
            {...field('name')}
          />
          {fieldError('name')}
        </label>
        <label className="wide">
          <span>Feed address (RSS or Atom)</span>
          <input
            name="url"
            type="url"
            inputMode="url"
            value={draft.url}
            onChange={(e) => set('url', e.target.value)}
            placeholder="https://example.org/feed.xml"
            autoComplete="off"
            {...field('url')}
          />
          {fieldError('url')}
        </label>
        <label>
          <span>Check every (minutes)</span>
          <input
            name="minutes"
            type="number"
            inputMode="decimal"
            min={0.5}
            max={1440}
            step={0.5}
            value={draft.minutes}
            onChange={(e) => set('minutes', e.target.value)}
            {...field('minutes')}
          />
          {fieldError('minutes')}
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
        {!checked && (
          <div className="form-actions">
            <button type="submit" className="button secondary" disabled={preview.isPending}>
              {preview.isPending ? 'Reading the feed…' : 'Check this feed'}
            </button>
          </div>
        )}
        {errors.general && (
          <p className="form-error" role="alert" data-testid="source-form-error">
            {errors.general}
          </p>
        )}
        {added && (
          <p className="form-ok" role="status">
            Added “{added}”. It will be checked shortly.
          </p>
        )}
      </form>
      {checked && preview.data && (
        <div className="preview-step">
          <SourcePreviewPanel preview={preview.data} isQueryFeed={checked.isQueryFeed} />
          <div className="form-actions">
            <button type="button" className="button" onClick={onAdd} disabled={create.isPending}>
              {create.isPending ? 'Adding…' : 'Add this source'}
            </button>
            <button type="button" className="link-button" onClick={() => edit(draft)}>
              Change something
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
