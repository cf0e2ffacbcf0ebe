import type { SourcePreview } from '@barometer/core';
import { formatLondon } from '../../lib/time-format.ts';
import { mentionCount } from './mention-count.ts';
import { previewItemLines } from './preview-item.ts';

/** What the feed would bring if added: its title, how much it holds, and its first items. */
export function SourcePreviewPanel({
  preview,
  isQueryFeed,
}: {
  preview: SourcePreview;
  isQueryFeed: boolean;
}) {
  const kept = isQueryFeed
    ? 'A search feed keeps every item.'
    : `${preview.mentioningTrust.toLocaleString('en-GB')} of them mention the trust and would be kept.`;
  return (
    <section className="preview" aria-labelledby="preview-title" data-testid="source-preview">
      <h3 id="preview-title">{preview.title ?? 'Untitled feed'}</h3>
      <p>
        The feed holds{' '}
        <strong>
          {preview.itemCount.toLocaleString('en-GB')} item{preview.itemCount === 1 ? '' : 's'}
        </strong>{' '}
        now. {preview.itemCount > 0 && kept}
        {!isQueryFeed && preview.mentioningTrust === 0 && preview.itemCount > 0 && (
          <> Nothing in it mentions the trust today: it may still do later.</>
        )}
      </p>
      {preview.warnings.length > 0 && (
        <ul className="preview-warnings">
          {preview.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {preview.sample.length > 0 && (
        <>
          <h4 className="small-heading">First {preview.sample.length} items</h4>
          <ul className="preview-items">
            {preview.sample.map((item, index) => {
              const lines = previewItemLines(item);
              return (
                // Items have no id before they are saved; the feed's order is stable, so its index is.
                <li key={index}>
                  <strong>{lines.heading}</strong>
                  {item.publishedAt && (
                    <span className="muted small"> · {formatLondon(item.publishedAt)}</span>
                  )}
                  {item.mentionsTrust && !isQueryFeed && (
                    <span className="chip chip-match">mentions the trust</span>
                  )}
                  {lines.body && <p className="muted small preview-text">{lines.body}</p>}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p className="muted small">
        Adding it starts listening now;{' '}
        {mentionCount(isQueryFeed ? preview.itemCount : preview.mentioningTrust)} would arrive in
        the inbox from what is there today.
      </p>
    </section>
  );
}
