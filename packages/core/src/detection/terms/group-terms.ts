import { type EmergingTerm, TERM_POLICY, termsOf } from './emerging-terms.ts';

/** Two terms are one event when this share of the smaller one's people used both. */
export const TERM_GROUP_OVERLAP = 0.5;

/**
 * Words that emerge together are one event ("norovirus outbreak", "visiting stopped"): terms
 * whose people mostly overlap are grouped under the strongest, so officers get one issue per
 * event rather than one per word. Input strongest first (as emergingTerms returns them).
 */
export function groupCooccurringTerms(
  emerging: readonly EmergingTerm[],
  recentDocs: readonly { author: string; text: string }[],
  exclude: ReadonlySet<string>,
  overlap = TERM_GROUP_OVERLAP,
): (EmergingTerm & { related: string[] })[] {
  const wanted = new Set(emerging.map((t) => t.term));
  const people = new Map<string, Set<string>>([...wanted].map((t) => [t, new Set()]));
  for (const d of recentDocs) {
    for (const t of termsOf(d.text, exclude)) if (wanted.has(t)) people.get(t)!.add(d.author);
  }
  const groups: EmergingTerm[][] = [];
  for (const term of emerging) {
    const mine = people.get(term.term)!;
    const home = groups.find((g) => {
      const theirs = people.get(g[0]!.term)!;
      let both = 0;
      for (const a of mine) if (theirs.has(a)) both++;
      return both >= overlap * Math.min(mine.size, theirs.size);
    });
    if (home) home.push(term);
    else groups.push([term]);
  }
  return groups.map((members) => {
    const lead = nameOf(members);
    return { ...lead, related: members.filter((m) => m !== lead).map((m) => m.term) };
  });
}

/** A phrase says more than a word ("norovirus outbreak", not "closed") when about as many used it. */
function nameOf(members: readonly EmergingTerm[]): EmergingTerm {
  const most = Math.max(...members.map((m) => m.authors));
  const phrase = members.find(
    (m) => m.term.includes(' ') && m.authors >= TERM_POLICY.phraseCover * most,
  );
  return phrase ?? members[0]!;
}
