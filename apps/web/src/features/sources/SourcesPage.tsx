import { AddSourceForm } from './AddSourceForm.tsx';
import { SourcesTable } from './SourcesTable.tsx';
import { useSources } from './use-sources.ts';

export function SourcesPage() {
  const sources = useSources();
  return (
    <div className="page sources-page">
      <h1 className="page-title">Sources</h1>
      {sources.isError && (
        <div className="notice notice-error" role="alert">
          Could not load sources: {sources.error.message}
        </div>
      )}
      {sources.isPending ? (
        <p className="empty">Loading sources…</p>
      ) : sources.data && sources.data.length === 0 ? (
        <p className="empty" data-testid="sources-table">
          No sources yet. Add a news search or a feed below to start listening.
        </p>
      ) : (
        <SourcesTable sources={sources.data ?? []} />
      )}
      <AddSourceForm />
    </div>
  );
}
