import type { WeeklyReport } from '@barometer/core';
import { Link } from '../../components/Link.tsx';
import { figureCards } from './report-view.ts';

const ARROW = { up: '▲', down: '▼', level: '■' } as const;
const WORDS = { up: 'up on last week', down: 'down on last week', level: 'level with last week' };

export function FigureCards({ report }: { report: WeeklyReport }) {
  return (
    <section className="baro-figures" aria-label="The week in numbers">
      {figureCards(report).map((card) => (
        <article key={card.key} className="baro-card" data-testid={`figure-${card.key}`}>
          <h3 className="baro-card-label">{card.label}</h3>
          <p className="baro-card-value">
            <Link to={card.href} className="baro-number">
              {card.value}
            </Link>
            {card.margin && <span className="baro-margin"> {card.margin}</span>}
            {card.direction && (
              <span
                className={`baro-arrow baro-arrow-${card.direction}`}
                title={WORDS[card.direction]}
              >
                <span aria-hidden="true"> {ARROW[card.direction]}</span>
                <span className="visually-hidden"> {WORDS[card.direction]}</span>
              </span>
            )}
          </p>
          <dl className="baro-card-compare">
            <div>
              <dt>Last week</dt>
              <dd>{card.lastWeek}</dd>
            </div>
            <div>
              <dt>12-week average</dt>
              <dd>{card.average}</dd>
            </div>
          </dl>
          {card.note && <p className="baro-card-note">{card.note}</p>}
        </article>
      ))}
    </section>
  );
}
