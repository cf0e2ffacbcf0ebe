// Words too common to be news: English function words, social filler, and words every NHS
// mention uses. The trust's own name, aliases, handles and hashtags are added per trust.

const ENGLISH = `a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing done down during each even
ever few for from further get gets getting got had has have having he her here hers herself him
himself his how i if in into is it its itself just let like made make many may me more most much
must my myself new no nor not now of off on once one only or other our ours ourselves out over own
really said same say says see she should so some still such than that the their theirs them
themselves then there these they this those through to today too two under until up upon us very
was way we well were what when where which while who whom why will with would yes yet you your
yours yourself yourselves im ive id youre theyre dont didnt doesnt cant wont isnt wasnt arent
werent havent hasnt hadnt couldnt shouldnt wouldnt thats theres whats lets going gone go goes
come came back day days time times week year years last next first every another around`;

const SOCIAL = `rt via amp lol omg pls please thanks thank http https www com co uk html
yesterday tonight tomorrow morning evening night hour hours minutes people person someone
everyone anyone thing things lot lots bit`;

const HEALTH = `nhs hospital hospitals trust trusts patient patients staff care health healthcare
service services`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${SOCIAL} ${HEALTH}`.split(/\s+/).filter((w) => w.length > 0),
);
