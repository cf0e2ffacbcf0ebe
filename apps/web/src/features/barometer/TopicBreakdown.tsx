import { topicChartData, type WeeklyReport } from '@barometer/core';
import { useMemo } from 'react';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from '../../components/Link.tsx';
import { changeText, countText, linkFor, pointsText } from './report-view.ts';

const GROUP_TEXT = {
  framework: 'Patient experience',
  taxonomy: 'Trust taxonomy',
  hashtag: 'Hashtag',
} as const;

export function TopicBreakdown({ report }: { report: WeeklyReport }) {
  const data = useMemo(() => topicChartData(report.byTopic, 8), [report.byTopic]);
  const rows = report.byTopic.filter((t) => t.mentions > 0 || t.previousMentions > 0);
  return (
    <section className="baro-section" aria-labelledby="baro-topics">
      <h2 id="baro-topics">By topic</h2>
      {report.topicMovers.length > 0 ? (
        <>
          <h3 className="baro-subhead">Moved most against last week</h3>
          <ul className="baro-movers">
            {report.topicMovers.map((t) => (
              <li key={t.topic}>
                <span className={`baro-move ${t.change > 0 ? 'baro-move-up' : 'baro-move-down'}`}>
                  {t.change > 0 ? '▲' : '▼'} {Math.abs(t.change)}
                </span>{' '}
                <Link to={linkFor(report, { topic: t.topic })}>{t.topic}</Link>{' '}
                <span className="muted small">
                  ({t.previousMentions} → {t.mentions})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No topic changed against last week.</p>
      )}
      {data.length > 0 && (
        <figure className="baro-chart" aria-label="Busiest topics, this week and last">
          <ResponsiveContainer width="100%" height={data.length * 40 + 50}>
            <BarChart
              data={data}
              layout="vertical"
              margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
            >
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
              <YAxis type="category" dataKey="topic" width={170} tick={{ fontSize: 11 }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="thisWeek" name="This week" fill="#005eb8" isAnimationActive={false} />
              <Bar dataKey="lastWeek" name="Last week" fill="#aeb7bd" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
      {rows.length > 0 && (
        <details className="baro-details">
          <summary>Every topic ({rows.length})</summary>
          <div className="baro-table-wrap">
            <table className="baro-table">
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Mentions
                  </th>
                  <th scope="col" className="num">
                    Net
                  </th>
                  <th scope="col">Against last week</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((t) => (
                  <tr key={t.topic}>
                    <th scope="row">{t.topic}</th>
                    <td>{GROUP_TEXT[t.group]}</td>
                    <td className="num">
                      <Link to={linkFor(report, { topic: t.topic })}>{countText(t.mentions)}</Link>
                    </td>
                    <td className="num">{pointsText(t.netSentiment)}</td>
                    <td>{changeText(t.mentions, t.previousMentions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
