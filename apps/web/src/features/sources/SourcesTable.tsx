import type { SourceDto } from '@barometer/core';
import { useState } from 'react';
import { TimeStamp } from '../../components/TimeStamp.tsx';
import { Untrusted } from '../../components/Untrusted.tsx';
import { useNow } from '../../lib/use-now.ts';
import { DeleteSourceDialog } from './DeleteSourceDialog.tsx';
import { InlineEdit } from './InlineEdit.tsx';
import { formatInterval, minutesInputValue, parseMinutes } from './poll-interval.ts';
import { sourceFormErrors } from './source-draft.ts';
import { healthLabel, plainError } from './source-health.ts';
import { usePollSourceNow, useUpdateSource } from './use-source-mutations.ts';

/** What the signed-in person may do to sources, from their permissions. */
export interface SourceAbilities {
  write: boolean;
  poll: boolean;
  delete: boolean;
}

export function SourcesTable({
  sources,
  may,
  outage = false,
}: {
  sources: readonly SourceDto[];
  may: SourceAbilities;
  /** The stores or the worker are down: last known health is not vouched for. */
  outage?: boolean;
}) {
  const now = useNow();
  const update = useUpdateSource();
  const pendingId = update.isPending ? update.variables?.id : undefined;
  const pollNow = usePollSourceNow();
  const [deleting, setDeleting] = useState<SourceDto | null>(null);

  /** Saves one field; answers with the message to show beside it, or null once saved. */
  const save = async (
    source: SourceDto,
    body: { name: string } | { pollIntervalSeconds: number },
  ): Promise<string | null> => {
    try {
      await update.mutateAsync({ id: source.id, body });
      return null;
    } catch (error) {
      const placed = sourceFormErrors(error);
      return placed.fields.name ?? placed.fields.minutes ?? placed.general ?? 'Could not save this';
    }
  };
  const rename = (source: SourceDto) => async (text: string) => {
    const name = text.trim();
    if (name === '') return 'Give the source a name';
    return name === source.name ? null : save(source, { name });
  };
  const retime = (source: SourceDto) => async (text: string) => {
    const parsed = parseMinutes(text);
    if (!parsed.ok) return parsed.message;
    return parsed.seconds === source.pollIntervalSeconds
      ? null
      : save(source, { pollIntervalSeconds: parsed.seconds });
  };

  return (
    <div className="table-wrap">
      {update.isError && update.variables?.body.enabled !== undefined && (
        <div className="notice notice-error" role="alert">
          Could not change the source: {update.error.message}
        </div>
      )}
      {pollNow.isError && (
        <div className="notice notice-error" role="alert">
          Could not ask for a check: {pollNow.error.message}
        </div>
      )}
      <table className="data-table sources-table" data-testid="sources-table">
        <caption className="visually-hidden">Sources and their health</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Health</th>
            <th scope="col">Checked every</th>
            <th scope="col">Last success</th>
            <th scope="col">Last error</th>
            <th scope="col" className="num">
              Last 24 h
            </th>
            <th scope="col">Next check</th>
            <th scope="col">Listening</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const error = plainError(source.lastError);
            const health = healthLabel(source.status, outage);
            return (
              <tr key={source.id} data-testid="source-row" data-source-id={source.id}>
                <th scope="row" data-label="Source">
                  <div className="source-name">
                    <InlineEdit
                      display={
                        <span data-testid="source-name">
                          <Untrusted text={source.name} />
                        </span>
                      }
                      initial={source.name}
                      buttonText="Rename"
                      fieldLabel={`Name of ${source.name}`}
                      onSave={rename(source)}
                      disabled={!may.write}
                    />
                    <span className="muted small break">{source.url}</span>
                    {source.query && <span className="small">{source.query}</span>}
                    {source.isQueryFeed && <span className="chip">search feed</span>}
                    {source.kind !== 'rss' && (
                      <span className="chip">
                        {source.credentials === 'set' ? 'credentials set' : 'no credentials'}
                      </span>
                    )}
                    {source.stream && (
                      <span className="muted small">
                        {source.stream.status === 'connected'
                          ? 'live stream connected'
                          : `live stream reconnecting${source.stream.problem ? `: ${source.stream.problem}` : ''}`}
                      </span>
                    )}
                    {source.kind === 'youtube' && (
                      <span className="muted small">
                        quota today: {source.quotaUsedToday.toLocaleString('en-GB')} of 10,000 units
                      </span>
                    )}
                  </div>
                </th>
                <td data-label="Health">
                  <span className={`badge status ${health.className}`}>{health.label}</span>
                  {source.consecutiveFailures > 1 && (
                    <span className="muted small block">
                      {source.consecutiveFailures} failures in a row
                    </span>
                  )}
                </td>
                <td data-label="Checked every">
                  <InlineEdit
                    display={
                      <span data-testid="source-interval">
                        {formatInterval(source.pollIntervalSeconds)}
                      </span>
                    }
                    initial={minutesInputValue(source.pollIntervalSeconds)}
                    buttonText="Change"
                    fieldLabel={`Minutes between checks of ${source.name}`}
                    onSave={retime(source)}
                    disabled={!may.write}
                    suffix="min"
                    inputMode="decimal"
                    width="5em"
                  />
                </td>
                <td data-label="Last success">
                  {source.lastSuccessAt ? (
                    <TimeStamp value={source.lastSuccessAt} now={now} compact />
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td
                  data-label="Last error"
                  className="source-error"
                  title={source.lastError ?? undefined}
                >
                  {error ?? <span className="muted">none</span>}
                </td>
                <td data-label="Last 24 h" className="num">
                  {source.mentionsLast24h.toLocaleString('en-GB')}
                </td>
                <td data-label="Next check">
                  {source.enabled && source.nextPollAt ? (
                    <TimeStamp value={source.nextPollAt} now={now} compact={false} />
                  ) : (
                    <span className="muted">{source.enabled ? 'soon' : 'paused'}</span>
                  )}
                </td>
                <td data-label="Listening">
                  <label className="switch">
                    <input
                      type="checkbox"
                      role="switch"
                      aria-checked={source.enabled}
                      checked={source.enabled}
                      disabled={!may.write || pendingId === source.id}
                      onChange={(e) =>
                        update.mutate({ id: source.id, body: { enabled: e.target.checked } })
                      }
                    />
                    <span className="visually-hidden">Poll {source.name}</span>
                    <span aria-hidden="true">{source.enabled ? 'On' : 'Off'}</span>
                  </label>
                </td>
                <td data-label="Actions" className="row-actions-cell">
                  <div className="row-actions">
                    {may.poll && (
                      <button
                        type="button"
                        className="link-button small nowrap"
                        disabled={
                          !source.enabled || (pollNow.isPending && pollNow.variables === source.id)
                        }
                        onClick={() => pollNow.mutate(source.id)}
                      >
                        Poll now<span className="visually-hidden"> {source.name}</span>
                      </button>
                    )}
                    {may.delete && (
                      <button
                        type="button"
                        className="link-button danger-link small nowrap"
                        onClick={() => setDeleting(source)}
                      >
                        Delete<span className="visually-hidden"> {source.name}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {deleting && <DeleteSourceDialog source={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}
