import type { SourceDto } from '@barometer/core';
import { TimeStamp } from '../../components/TimeStamp.tsx';
import { useNow } from '../../lib/use-now.ts';
import { plainError, STATUS_LABEL } from './source-health.ts';
import { usePollSourceNow, useUpdateSource } from './use-source-mutations.ts';

export function SourcesTable({ sources }: { sources: readonly SourceDto[] }) {
  const now = useNow();
  const update = useUpdateSource();
  const pendingId = update.isPending ? update.variables?.id : undefined;
  const pollNow = usePollSourceNow();

  return (
    <div className="table-wrap">
      {update.isError && (
        <div className="notice notice-error" role="alert">
          Could not change the source: {update.error.message}
        </div>
      )}
      {pollNow.isError && (
        <div className="notice notice-error" role="alert">
          Could not request a poll: {pollNow.error.message}
        </div>
      )}
      <table className="sources-table" data-testid="sources-table">
        <caption className="visually-hidden">Sources and their health</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Health</th>
            <th scope="col">Last success</th>
            <th scope="col">Last error</th>
            <th scope="col" className="num">
              Failures
            </th>
            <th scope="col" className="num">
              Last 24 h
            </th>
            <th scope="col">Next poll</th>
            <th scope="col">Enabled</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const error = plainError(source.lastError);
            return (
              <tr key={source.id} data-testid="source-row" data-source-id={source.id}>
                <th scope="row">
                  <div className="source-name">
                    <span>{source.name}</span>
                    <span className="muted small break">{source.url}</span>
                    {source.isQueryFeed && <span className="chip">query feed</span>}
                  </div>
                </th>
                <td>
                  <span className={`badge status status-${source.status}`}>
                    {STATUS_LABEL[source.status]}
                  </span>
                </td>
                <td>
                  {source.lastSuccessAt ? (
                    <TimeStamp value={source.lastSuccessAt} now={now} compact />
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td className="source-error" title={source.lastError ?? undefined}>
                  {error ?? <span className="muted">none</span>}
                </td>
                <td className="num">{source.consecutiveFailures}</td>
                <td className="num">{source.mentionsLast24h.toLocaleString('en-GB')}</td>
                <td>
                  {source.enabled && source.nextPollAt ? (
                    <TimeStamp value={source.nextPollAt} now={now} compact={false} />
                  ) : (
                    <span className="muted">{source.enabled ? 'soon' : 'paused'}</span>
                  )}
                </td>
                <td>
                  <label className="switch">
                    <input
                      type="checkbox"
                      role="switch"
                      aria-checked={source.enabled}
                      checked={source.enabled}
                      disabled={pendingId === source.id}
                      onChange={(e) =>
                        update.mutate({ id: source.id, body: { enabled: e.target.checked } })
                      }
                    />
                    <span className="visually-hidden">Poll {source.name}</span>
                    <span aria-hidden="true">{source.enabled ? 'On' : 'Off'}</span>
                  </label>
                </td>
                <td>
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
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
