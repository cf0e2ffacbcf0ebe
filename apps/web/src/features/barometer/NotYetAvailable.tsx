import type { Unavailable } from '@barometer/core';

/** A part of the report whose data does not exist yet, said plainly instead of an empty chart. */
export function NotYetAvailable({
  id,
  title,
  part,
}: {
  id: string;
  title: string;
  part: Unavailable;
}) {
  return (
    <section className="baro-section baro-unavailable" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <p>{part.message}</p>
    </section>
  );
}
