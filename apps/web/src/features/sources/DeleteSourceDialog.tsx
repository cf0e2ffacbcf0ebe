import type { SourceDto } from '@barometer/core';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { mentionCount } from './mention-count.ts';
import { useSourceDeletion } from './use-source-deletion.ts';
import { useDeleteSource } from './use-source-mutations.ts';

/**
 * Confirms deleting a source, naming how many mentions go with it. The API deletes only if that
 * count is still true; if mentions arrived meanwhile, the dialog shows the new count and asks again.
 */
export function DeleteSourceDialog({
  source,
  onClose,
}: {
  source: SourceDto;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const deletion = useSourceDeletion(source.id);
  const remove = useDeleteSource();
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const count = deletion.data?.mentions;
  const countChanged = remove.error instanceof ApiError && remove.error.code === 'count_changed';
  const gone =
    (remove.error instanceof ApiError && remove.error.status === 404) ||
    (deletion.error instanceof ApiError && deletion.error.status === 404);
  const otherError = remove.isError && !countChanged && !gone ? remove.error.message : null;

  const confirm = () => {
    if (count === undefined) return;
    remove.mutate(
      { id: source.id, confirmMentions: count },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'count_changed') void deletion.refetch();
        },
      },
    );
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="delete-source-title"
      onClose={onClose}
      data-testid="delete-source-dialog"
    >
      <h2 id="delete-source-title">Delete ‘{source.name}’?</h2>
      {gone ? (
        <p>Someone else has already deleted this source.</p>
      ) : deletion.isPending ? (
        <p className="muted">Counting its mentions…</p>
      ) : deletion.isError ? (
        <p className="field-error" role="alert">
          Could not count its mentions: {deletion.error.message}
        </p>
      ) : count === 0 ? (
        <p>It has no mentions yet. This stops listening to it and removes it from Barometer.</p>
      ) : (
        <p>
          This stops listening to it and deletes it with its{' '}
          <strong>{mentionCount(count ?? 0)}</strong> from Barometer. This cannot be undone.
        </p>
      )}
      {countChanged && !deletion.isFetching && count !== undefined && (
        <p className="notice notice-warning" role="alert">
          New mentions arrived while you were deciding: it now has {mentionCount(count)}. Check the
          number and confirm again.
        </p>
      )}
      {otherError && (
        <p className="field-error" role="alert">
          {otherError}
        </p>
      )}
      <div className="dialog-actions">
        {!gone && (
          <button
            type="button"
            className="button danger"
            onClick={confirm}
            disabled={count === undefined || deletion.isFetching || remove.isPending}
          >
            {remove.isPending
              ? 'Deleting…'
              : count === undefined || count === 0
                ? 'Delete source'
                : `Delete source and ${mentionCount(count)}`}
          </button>
        )}
        <button
          type="button"
          className="button secondary"
          // biome-ignore lint/a11y/noAutofocus: a destructive dialog starts on the safe choice
          autoFocus
          onClick={() => dialog.current?.close()}
        >
          {gone ? 'Close' : 'Keep it'}
        </button>
      </div>
    </dialog>
  );
}
