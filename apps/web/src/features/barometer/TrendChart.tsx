import { sentimentDomain, trendChartData, type WeeklyReport } from '@barometer/core';
import { useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** Twelve weeks of volume (bars) and net sentiment (line), this week last. */
export function TrendChart({ report }: { report: WeeklyReport }) {
  const data = useMemo(() => trendChartData(report.trend), [report.trend]);
  const domain = useMemo(() => sentimentDomain(report.trend), [report.trend]);
  return (
    <figure className="baro-chart" aria-label="Mentions and net sentiment over 12 weeks">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="#e8edee" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} width={44} />
          <YAxis
            yAxisId="net"
            orientation="right"
            domain={domain}
            tick={{ fontSize: 12 }}
            width={40}
            tickFormatter={(v: number) => (v > 0 ? `+${v}` : String(v))}
          />
          <Tooltip
            formatter={(value, name) =>
              name === 'Net sentiment' && typeof value === 'number'
                ? [value > 0 ? `+${Math.round(value)}` : String(Math.round(value)), name]
                : [value, name]
            }
          />
          <Bar
            yAxisId="count"
            dataKey="mentions"
            name="Mentions"
            fill="#41b6e6"
            isAnimationActive={false}
          />
          <Line
            yAxisId="net"
            dataKey="netSentiment"
            name="Net sentiment"
            stroke="#003087"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption className="muted small">
        Bars: mentions per week. Line: net sentiment (right axis); a gap is a week with nothing
        scored.
      </figcaption>
    </figure>
  );
}
