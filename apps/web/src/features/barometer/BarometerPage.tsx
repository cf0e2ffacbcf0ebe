import { useEffect, useState } from 'react';
import { CoveragePanel } from './CoveragePanel.tsx';
import { EmergingIssuesPanel } from './EmergingIssuesPanel.tsx';
import { FigureCards } from './FigureCards.tsx';
import { NotYetAvailable } from './NotYetAvailable.tsx';
import { weekSpan } from './report-view.ts';
import { SafetyPanel } from './SafetyPanel.tsx';
import { SourceBreakdown } from './SourceBreakdown.tsx';
import { StoriesAndThreads } from './StoriesAndThreads.tsx';
import { TopicBreakdown } from './TopicBreakdown.tsx';
import { TrendChart } from './TrendChart.tsx';
import { useReportWeeks, useWeeklyReport } from './use-report.ts';
import { defaultWeek, weekFromSearch, weekOptionLabel } from './week-choice.ts';
import './barometer.css';

/** Printing opens every folded table, so paper carries the whole report. */
function useOpenDetailsForPrint() {
  useEffect(() => {
    const open = () => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>('.baro-details')) d.open = true;
    };
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
}

export function BarometerPage() {
  const weeks = useReportWeeks();
  const list = weeks.data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const week = chosen ?? weekFromSearch(window.location.search, list) ?? defaultWeek(list);
  const report = useWeeklyReport(week);
  useOpenDetailsForPrint();

  const choose = (next: string) => {
    setChosen(next);
    window.history.replaceState(null, '', `/reports?week=${encodeURIComponent(next)}`);
  };

  if (weeks.isError) {
    return (
      <div className="notice notice-error" role="alert">
        Could not load the barometer: {weeks.error.message}
      </div>
    );
  }
  const data = report.data;
  return (
    <div className="barometer">
      <header className="baro-header">
        <div>
          <h1 className="page-title">Barometer</h1>
          {data && (
            <p className="baro-span">
              {weekSpan(data.report)}
              {data.inProgress ? ' · this week so far, figures still moving' : ''}
            </p>
          )}
        </div>
        <div className="baro-actions no-print">
          <label>
            <span className="visually-hidden">Week</span>
            <select value={week ?? ''} onChange={(e) => choose(e.target.value)} aria-label="Week">
              {list.map((w) => (
                <option key={w.week} value={w.week}>
                  {weekOptionLabel(w, weekSpan(w))}
                </option>
              ))}
            </select>
          </label>
          {week && (
            <>
              <a
                className="button-secondary"
                href={`/api/reports/weeks/${week}/figures.csv`}
                download
              >
                Figures (CSV)
              </a>
              <a
                className="button-secondary"
                href={`/api/reports/weeks/${week}/mentions.csv`}
                download
              >
                Mentions (CSV)
              </a>
              <a
                className="button-secondary"
                href={`/api/reports/weeks/${week}/report.pdf`}
                download
              >
                PDF
              </a>
            </>
          )}
          <button type="button" className="button-secondary" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </header>

      {report.isError && (
        <div className="notice notice-error" role="alert">
          Could not load this week: {report.error.message}{' '}
          <button type="button" className="link-button" onClick={() => void report.refetch()}>
            Try again
          </button>
        </div>
      )}
      {(weeks.isPending || (report.isPending && week !== null)) && (
        <div className="empty">Loading the barometer…</div>
      )}
      {data && (
        <>
          <section className="baro-headline" aria-label="The week in words">
            <ul>
              {data.report.headline.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
          <FigureCards report={data.report} />
          <section className="baro-section" aria-labelledby="baro-trend">
            <h2 id="baro-trend">Last 12 weeks</h2>
            <TrendChart report={data.report} />
          </section>
          <SourceBreakdown report={data.report} />
          <TopicBreakdown report={data.report} />
          <SafetyPanel report={data.report} />
          <StoriesAndThreads report={data.report} />
          <EmergingIssuesPanel report={data.report} />
          <NotYetAvailable
            id="baro-escalating"
            title="Escalating threads"
            part={data.report.escalatingThreads}
          />
          <NotYetAvailable
            id="baro-response"
            title="Responsiveness"
            part={data.report.responsiveness}
          />
          <CoveragePanel report={data.report} />
          <p className="muted small baro-footnote">
            Weeks run Monday to Sunday, London time. Every number links to the mentions behind it.
            {data.origin === 'snapshot'
              ? ' This week was stored when it ended, so re-scoring does not change it.'
              : ''}
          </p>
        </>
      )}
    </div>
  );
}
