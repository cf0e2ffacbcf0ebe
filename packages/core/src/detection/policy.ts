// Every threshold of the detector in one table, with the reason for its value. Defaults follow
// ../shared/reference/detection.md ("config B"), then the evaluation in evaluation/.

export const DETECTION_POLICY = {
  /** Rolling windows the spike test looks at, in hours: sudden (1), a morning (3), a day (24). */
  windowsHours: [1, 3, 24] as readonly number[],
  /** Nothing fires until the stream has this much history: a week shows the daily rhythm. */
  warmUpHours: 7 * 24,
  /** Same hour on this many previous days while history is short. */
  dailyLags: 7,
  /** Switch to the same hour of the week once this many past weeks exist... */
  weeklyAfterWeeks: 3,
  /** ...and use at most this many of them. */
  weeklyLags: 4,
  /** Bias added to the spread so a rare subject needs several mentions, not one (SigniTrend β). */
  spreadBias: 1,
  /** Robust z a spike must reach. */
  spikeZ: 5,
  /** A spike must also be this many times the usual level. */
  spikeRatio: 2,
  /** ... and have at least this many distinct authors per √hour of window. */
  minAuthors: 4,
  /** A subject with no history (usually zero) needs this many authors in its window. */
  newSubjectMinAuthors: 8,
  /** CUSUM reference value and alarm level on the hourly robust z (slow builds). */
  cusumK: 0.5,
  cusumH: 8,
  /** One hour's z counts at most this much towards CUSUM, so a spike is not also a slow build. */
  cusumCap: 4,
  /** Negative gate: the Wilson lower bound of the negative share must exceed the usual share by this. */
  negativeMargin: 0.15,
  /** Windows (hours) for the negative-share test, and the fewest authors it needs there. */
  negativeWindowsHours: [6, 12, 24] as readonly number[],
  negativeMinAuthors: 15,
  /** Wilson z for a turn to negative on its own: 2.58 (99%), as it runs hourly on every subject. */
  negativeConfidenceZ: 2.8,
  /** Wilson z for the gate on a volume signal, which is already unusual: 1.96 (95%). */
  gateConfidenceZ: 1.96,
  /** A slow build is reported only if some window is at least this many spreads above usual. */
  slowBuildMinZ: 1,
  /** The usual negative share is measured over this many hours before the window. */
  negativeBaselineHours: 14 * 24,
  /** Paging: a strong signal (z at least this, or CUSUM) and negative and this many authors in 6 h. */
  pageZ: 6,
  pageMinAuthors6h: 15,
  /** Signals this close together on one subject are one issue. */
  mergeHours: 6,
  /** An issue closes after this long without a signal and with its series back near baseline. */
  closeAfterHours: 6,
  /** "Back near baseline": the 3-hour robust z is below this. */
  calmZ: 2,
  /** An update is sent when the peak count grows by this share (or severity rises). */
  updateGrowth: 0.25,
} as const;

export type DetectionPolicy = {
  -readonly [K in keyof typeof DETECTION_POLICY]: (typeof DETECTION_POLICY)[K];
};
