import { sourceChartData, type WeeklyReport } from '@barometer/core';
import { useMemo } from 'react';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from '../../components/Link.tsx';
import { changeText, countText, linkFor, pointsText } from './report-view.ts';

export function SourceBreakdown({ report }: { report: WeeklyReport }) {
  const data = useMemo(() => sourceChartData(report.bySource), [report.bySource]);
  return (
    <section className="baro-section" aria-labelledby="baro-sources">
      <h2 id="baro-sources">By source</h2>
      {data.length > 0 && (
        <figure className="baro-chart" aria-label="Mentions by source and sentiment">
          <ResponsiveContainer width="100%" height={Math.max(120, data.length * 34 + 50)}>
            <BarChart
              data={data}
              layout="vertical"
              margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
            >
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="name" width={130} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar
                dataKey="positive"
                name="Positive"
                stackId="s"
                fill="#007f3b"
                isAnimationActive={false}
              />
              <Bar
                dataKey="neutral"
                name="Neutral"
                stackId="s"
                fill="#aeb7bd"
                isAnimationActive={false}
              />
              <Bar
                dataKey="negative"
                name="Negative"
                stackId="s"
                fill="#d5281b"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
      <div className="baro-table-wrap">
        <table className="baro-table">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col" className="num">
                Mentions
              </th>
              <th scope="col" className="num">
                Negative
              </th>
              <th scope="col" className="num">
                Net
              </th>
              <th scope="col">Against last week</th>
            </tr>
          </thead>
          <tbody>
            {report.bySource.map((row) => (
              <tr key={row.sourceId}>
                <th scope="row">{row.name}</th>
                <td className="num">
                  <Link to={linkFor(report, { sourceId: row.sourceId })}>
                    {countText(row.mentions)}
                  </Link>
                </td>
                <td className="num">
                  <Link to={linkFor(report, { sourceId: row.sourceId, label: 'negative' })}>
                    {countText(row.negative)}
                  </Link>
                </td>
                <td className="num">{pointsText(row.netSentiment)}</td>
                <td>{changeText(row.mentions, row.previousMentions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.bySourceKind.length > 1 && (
        <p className="muted small">
          By kind:{' '}
          {report.bySourceKind.map((k) => `${k.kind} ${countText(k.mentions)}`).join(' · ')}
        </p>
      )}
    </section>
  );
}
