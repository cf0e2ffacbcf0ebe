import type { AlertEventDto } from '@barometer/core';
import { formatLondon } from '../../lib/time-format.ts';
import { EVENT_LABEL } from './alert-view.ts';

export function AlertTimeline({ events }: { events: readonly AlertEventDto[] }) {
  return (
    <ol className="timeline" aria-label="What happened">
      {events.map((e) => (
        <li key={e.id} className={`timeline-item timeline-${e.kind}`}>
          <span className="timeline-kind">{EVENT_LABEL[e.kind]}</span>
          <span className="timeline-detail">{e.detail}</span>
          <span className="timeline-time">
            <time dateTime={e.at}>{formatLondon(e.at)}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}
