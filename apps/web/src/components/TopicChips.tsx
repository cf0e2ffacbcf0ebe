export function TopicChips({ topics, max }: { topics: readonly string[]; max?: number }) {
  if (topics.length === 0) return null;
  const shown = max === undefined ? topics : topics.slice(0, max);
  const hidden = topics.length - shown.length;
  return (
    <span className="chips">
      {shown.map((topic) => (
        <span key={topic} className="chip">
          {topic}
        </span>
      ))}
      {hidden > 0 && <span className="chip chip-more">+{hidden}</span>}
    </span>
  );
}
