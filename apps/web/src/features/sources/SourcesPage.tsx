import { useSession } from '../session/use-session.ts';
import { AddSocialSourceForm } from './AddSocialSourceForm.tsx';
import { AddSourceForm } from './AddSourceForm.tsx';
import { type SourceAbilities, SourcesTable } from './SourcesTable.tsx';
import { outageMessage } from './source-health.ts';
import { useLiveSources } from './use-live-sources.ts';
import { usePipelineHealth, useSources } from './use-sources.ts';

export function SourcesPage() {
  const sources = useSources();
  const pipeline = usePipelineHealth();
  const loadError = sources.isError
    ? {
        message: sources.error.message,
        status: (sources.error as { status?: number }).status,
      }
    : null;
  const outage = outageMessage({ loadError, pipeline: pipeline.data });
  const session = useSession();
  useLiveSources();
  const permissions = session.data?.permissions ?? [];
  const may: SourceAbilities = {
    write: permissions.includes('sources.write'),
    poll: permissions.includes('sources.poll'),
    delete: permissions.includes('sources.delete'),
  };
  return (
    <div className="page sources-page">
      <h1 className="page-title">Sources</h1>
      {outage && (
        <div className="notice notice-error" role="alert" data-testid="sources-outage">
          {outage}
        </div>
      )}
      {sources.isPending ? (
        <p className="empty">Loading sources…</p>
      ) : sources.data && sources.data.length === 0 ? (
        <p className="empty" data-testid="sources-table">
          No sources yet.{may.write && ' Add a news search or a feed below to start listening.'}
        </p>
      ) : (
        <SourcesTable sources={sources.data ?? []} may={may} outage={outage !== null} />
      )}
      {may.write && <AddSourceForm />}
      {may.write && <AddSocialSourceForm />}
    </div>
  );
}
