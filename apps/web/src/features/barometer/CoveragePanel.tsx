import type { WeeklyReport } from '@barometer/core';
import { Link } from '../../components/Link.tsx';
import { countText, hoursText, linkFor } from './report-view.ts';

/** Each source's health in the week, so a quiet week caused by a broken feed is not good news. */
export function CoveragePanel({ report }: { report: WeeklyReport }) {
  const { coverage } = report;
  return (
    <section
      className={`baro-section ${coverage.sourcesDown > 0 ? 'baro-coverage-warn' : ''}`}
      aria-labelledby="baro-coverage"
      data-testid="coverage"
    >
      <h2 id="baro-coverage">Coverage</h2>
      <p>{coverage.message}</p>
      {coverage.sources.length > 0 && (
        <div className="baro-table-wrap">
          <table className="baro-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Down</th>
                <th scope="col" className="num">
                  Mentions
                </th>
              </tr>
            </thead>
            <tbody>
              {coverage.sources.map((s) => (
                <tr key={s.sourceId} className={s.hoursDown >= 1 ? 'baro-row-warn' : undefined}>
                  <th scope="row">{s.name}</th>
                  <td>
                    {hoursText(s.hoursDown)}
                    {s.hoursListening < coverage.hoursInWeek - 0.05 && (
                      <span className="muted small">
                        {' '}
                        (listening {Math.round(s.hoursListening)} of {coverage.hoursInWeek} hours)
                      </span>
                    )}
                  </td>
                  <td className="num">
                    <Link to={linkFor(report, { sourceId: s.sourceId })}>
                      {countText(s.mentions)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
