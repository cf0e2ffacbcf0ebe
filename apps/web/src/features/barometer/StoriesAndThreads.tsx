import { mentionLink, type StoryRow, type WeeklyReport } from '@barometer/core';
import { Link } from '../../components/Link.tsx';
import { useMention } from '../inbox/use-mention.ts';
import { pointsText } from './report-view.ts';

/** How long a story's excerpt may be on the page (the inbox has the rest). */
const EXCERPT = 180;

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT - 1)}…` : t;
}

/** One best story: its words come from the mention API, so each reader sees what they may. */
function Story({ story }: { story: StoryRow }) {
  const mention = useMention(story.mentionId);
  const words = mention.data ? (mention.data.title ?? excerpt(mention.data.text)) : null;
  return (
    <li className="baro-story">
      <Link to={mentionLink(story.mentionId)}>
        {words ?? (mention.isError ? 'Open this story' : 'Loading…')}
      </Link>
      <span className="muted small"> — {story.sourceName}</span>
    </li>
  );
}

export function StoriesAndThreads({ report }: { report: WeeklyReport }) {
  return (
    <div className="baro-pair">
      <section className="baro-section" aria-labelledby="baro-stories">
        <h2 id="baro-stories">Best stories</h2>
        {report.bestStories.length === 0 ? (
          <p className="muted">No clearly positive mention this week.</p>
        ) : (
          <ol className="baro-list">
            {report.bestStories.map((s) => (
              <Story key={s.mentionId} story={s} />
            ))}
          </ol>
        )}
        <p className="muted small">
          The most positive mentions, never a complaint or a safety item.
        </p>
      </section>
      <section className="baro-section" aria-labelledby="baro-threads">
        <h2 id="baro-threads">Most-discussed threads</h2>
        {report.threads.length === 0 ? (
          <p className="muted">No conversation had more than one mention this week.</p>
        ) : (
          <ol className="baro-list">
            {report.threads.map((t) => (
              <li key={t.mentionId}>
                <Link to={mentionLink(t.mentionId)}>
                  {t.mentions} mentions in a thread on {t.sourceName}
                </Link>
                <span className="muted small">
                  {' '}
                  — {t.authors} {t.authors === 1 ? 'author' : 'authors'}, {t.negative} negative, net{' '}
                  {pointsText(t.netSentiment)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
