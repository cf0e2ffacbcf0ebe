// Reading the two labelled FFT files into training examples, and the label mapping, in one place.
//
// Sentiment classes: 0 = negative, 1 = neutral (or mixed), 2 = positive.
// - fft-v6-neas.csv, "Comment sentiment" (1 very positive ... 5 very negative):
//   1-2 -> positive, 3 -> neutral/mixed, 4-5 -> negative; blank -> not labelled (skipped).
// - fft-phase1-trusts-abc.csv, "criticality" (-5 very critical ... +5 very positive):
//   -5..-2 -> negative, -1..0 -> neutral (mild suggestions such as "Name badges for staff." sit
//   at -1, matching the v6 file's "mixed"), +1..+5 -> positive (+1 includes "Good staff" and
//   "No" answering "what could be improved?"). Trust B's unlabelled rows read 0 and are skipped;
//   anything that is not an integer in -5..5 is skipped.
// Rows whose answer is empty or "Did not answer" carry no label and are skipped.

export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;

export interface LabelledComment {
  text: string;
  /** 0 negative, 1 neutral, 2 positive; undefined when the row has no sentiment label. */
  sentiment: number | undefined;
  /** v6 framework categories that apply (empty when the row has no category labels). */
  topics: string[];
  /** The trust (or, within one trust's file, the service) the comment came from. */
  group: string;
  /** Which file: v6 rows carry multi-label categories, phase-1 rows one older category. */
  source: 'v6' | 'phase1';
}

/** Columns of fft-v6-neas.csv that are not topics. */
const NOT_TOPICS = new Set([
  'Comment ID',
  'Trust',
  'Respondent ID',
  'Date',
  'Service type 1',
  'Service type 2',
  'FFT categorical answer',
  'FFT question',
  'FFT answer',
  'Person identifiable info?',
  'Comment sentiment',
  // Labels about the labelling or about sentiment, not subjects a comms officer filters by.
  'Not assigned',
  'Labelling not possible',
  'Negative experience & dissatisfaction',
  'Positive experience & gratitude',
  'Safeguarding concerns?',
]);

/** The older phase-1 subcategories that have a clear v6 counterpart. */
export const PHASE1_TO_V6: Record<string, string> = {
  'Time spent waiting between appointments': 'Timeliness of care',
  'Time spent waiting for first appt/referral/service': 'Timeliness of care',
  Location: 'Service location',
  'Medication ': 'Supplying & understanding medication',
  Medication: 'Supplying & understanding medication',
  Activities: 'Activities & access to fresh air',
  'Amount/clarity of information': 'Being kept informed, clarity & consistency of information',
  Listening: 'Staff listening, understanding & involving patients',
  'Feeling safe including bullying': 'Feeling safe',
  'Involvement: Of Family And Carers': 'Interaction with family/ carers',
  'Carer support': 'Interaction with family/ carers',
  'Respect For Diversity/ Person-Centeredness': 'Equality, Diversity & Inclusion',
  Cleanliness: 'Cleanliness, tidiness & infection control',
  'Environment/ facilities': 'Environment & Facilities',
  'Facilities/equipment': 'Environment & Facilities',
  Food: 'Food & drink provision & facilities',
  Funding: 'Funding & use of financial resources',
  'Attitude Of Staff': 'Staff manner & personal attributes',
  'Professionalism/Competence Of Staff': 'Competence & training',
  'Staffing levels': 'Number & deployment of staff',
  'Consistency/Continuity of care': 'Referals & continuity of care',
  'Coordination/Integration Of Care': 'Referals & continuity of care',
  'Transition And Discharge': 'Discharge',
  'Leave (under MHA)': 'Mental Health Act',
};

function usable(text: string): boolean {
  const t = text.trim();
  return t !== '' && !/^(?:did not answer|n\/?a|-+|\.+)$/i.test(t);
}

export function topicColumns(header: string[]): string[] {
  return header.filter((h) => !NOT_TOPICS.has(h));
}

export function readV6(records: Record<string, string>[]): LabelledComment[] {
  const first = records[0];
  const topics = first ? topicColumns(Object.keys(first)) : [];
  const out: LabelledComment[] = [];
  for (const r of records) {
    const text = r['FFT answer'] ?? '';
    if (!usable(text)) continue;
    const s = (r['Comment sentiment'] ?? '').trim();
    const sentiment =
      s === '1' || s === '2' ? 2 : s === '3' ? 1 : s === '4' || s === '5' ? 0 : undefined;
    out.push({
      text,
      sentiment,
      topics: topics.filter((t) => (r[t] ?? '').trim() === '1'),
      // One trust, three services (111, patient transport, see and convey): the service is the
      // nearest thing this file has to a population the model has not seen.
      group: [r.Trust || 'v6', (r['Service type 1'] ?? '').replace(/\s+/g, ' ').trim()]
        .filter((g) => g !== '')
        .join(' '),
      source: 'v6',
    });
  }
  return out;
}

export function readPhase1(records: Record<string, string>[]): LabelledComment[] {
  const out: LabelledComment[] = [];
  for (const r of records) {
    const text = r.feedback ?? '';
    if (!usable(text)) continue;
    const group = r.organization ?? '';
    const c = (r.criticality ?? '').trim();
    let sentiment: number | undefined;
    if (/^-?\d$/.test(c) && !(group === 'Trust B' && c === '0')) {
      const n = Number(c);
      if (n >= -5 && n <= 5) sentiment = n <= -2 ? 0 : n <= 0 ? 1 : 2;
    }
    const topic = PHASE1_TO_V6[r.subcategory ?? ''];
    out.push({ text, sentiment, topics: topic ? [topic] : [], group, source: 'phase1' });
  }
  return out;
}
