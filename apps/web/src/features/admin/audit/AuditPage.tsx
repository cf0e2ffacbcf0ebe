import type { AuditEntryDto } from '@barometer/core';
import { useMemo, useState } from 'react';
import { TimeStamp } from '../../../components/TimeStamp.tsx';
import { useNow } from '../../../lib/use-now.ts';
import { useSources } from '../../sources/use-sources.ts';
import { useUsers } from '../users/use-users.ts';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';
import {
  type AuditFilters,
  auditExportHref,
  auditQueryOf,
  dateRangeProblem,
  NO_FILTERS,
} from './audit-filters.ts';
import { type AuditNames, actionLabel, describeAuditEntry } from './audit-sentence.ts';
import { useAudit } from './use-audit.ts';

/** Who did what, newest first, in sentences; filterable, pageable, and exportable as CSV. */
export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const query = useMemo(() => auditQueryOf(filters), [filters]);
  const rangeProblem = dateRangeProblem(filters);
  const audit = useAudit(query);
  const users = useUsers();
  const sources = useSources();
  const now = useNow();

  const names = useMemo<AuditNames>(() => {
    const people = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
    const feeds = new Map((sources.data ?? []).map((s) => [s.id, s.name]));
    return { person: (id) => people.get(id), source: (id) => feeds.get(id) };
  }, [users.data, sources.data]);

  const entries: AuditEntryDto[] = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const actions = audit.data?.pages[0]?.actions ?? [];

  return (
    <div className="page audit-page">
      <div className="page-heading">
        <h1 className="page-title">Audit log</h1>
        <a className="button secondary" href={auditExportHref(filters)} download>
          Export CSV
        </a>
      </div>
      <AuditFiltersForm
        value={filters}
        onChange={setFilters}
        people={users.data ?? []}
        actions={actions}
      />
      {audit.isError && (
        <div className="notice notice-error" role="alert">
          Could not load the log: {audit.error.message}
        </div>
      )}
      {audit.isPending && !rangeProblem ? (
        <p className="empty">Loading the log…</p>
      ) : entries.length === 0 && !audit.isError ? (
        <p className="empty">Nothing in the log matches these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table audit-table" data-testid="audit-table">
            <caption className="visually-hidden">Audit log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What happened</th>
                <th scope="col">Action</th>
                <th scope="col">From address</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <td data-label="When" className="nowrap">
                    <TimeStamp value={entry.at} now={now} />
                  </td>
                  <th scope="row" data-label="What happened" className="audit-sentence">
                    {describeAuditEntry(entry, names)}
                  </th>
                  <td data-label="Action">
                    <span className="chip">{actionLabel(entry.action)}</span>
                  </td>
                  <td data-label="From address" className="muted small">
                    {entry.address ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.hasNextPage && (
        <div className="load-more">
          <button
            type="button"
            className="button secondary"
            onClick={() => audit.fetchNextPage()}
            disabled={audit.isFetchingNextPage}
          >
            {audit.isFetchingNextPage ? 'Loading…' : 'Show older'}
          </button>
        </div>
      )}
    </div>
  );
}
