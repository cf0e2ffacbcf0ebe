import type { WeeklyReport } from '@barometer/core';
import { Link } from '../../components/Link.tsx';
import { NotYetAvailable } from './NotYetAvailable.tsx';
import { issueDay, SEVERITY_TEXT } from './report-view.ts';

/** The week's emerging issues from detection, and how each ended. */
export function EmergingIssuesPanel({ report }: { report: WeeklyReport }) {
  const issues = report.emergingIssues;
  if (!issues.available) {
    return <NotYetAvailable id="baro-emerging" title="Emerging issues" part={issues} />;
  }
  return (
    <section className="baro-section" aria-labelledby="baro-emerging" data-testid="baro-emerging">
      <h2 id="baro-emerging">Emerging issues</h2>
      {issues.items.length === 0 ? (
        <p className="muted">No emerging issue was open this week.</p>
      ) : (
        <ul className="baro-movers">
          {issues.items.map((i) => (
            <li key={i.id}>
              <span className={`baro-severity baro-severity-${i.severity}`}>
                {SEVERITY_TEXT[i.severity]}
              </span>{' '}
              <Link to="/issues">{i.label}</Link>{' '}
              <span className="muted small">{i.explanation}</span>
              <div className="muted small">
                Opened {issueDay(i.openedAt)} ·{' '}
                {i.closedAt ? `ended ${issueDay(i.closedAt)}` : 'still open'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
