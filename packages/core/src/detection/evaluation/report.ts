import { DETECTION_POLICY, type DetectionPolicy } from '../policy.ts';
import { injectedEventFigures, steadyNoiseFigures } from './evaluate.ts';

const f3 = (x: number) => x.toFixed(3);

/** The evaluation as a plain-text table, for a terminal (see RESULTS.md for how to run it). */
export function evaluationReport(
  seeds: readonly number[],
  policy: DetectionPolicy = DETECTION_POLICY,
): string {
  const lines = [
    'Steady noise: issues opened per subject-week after warm-up, by final severity',
    'mean/h  noise           watch  alert  page',
  ];
  for (const f of steadyNoiseFigures(seeds, policy)) {
    lines.push(
      `${String(f.meanPerHour).padEnd(7)} ${f.noise.padEnd(15)} ${f3(f.perWeek.watch)}  ${f3(f.perWeek.alert)}  ${f3(f.perWeek.page)}`,
    );
  }
  lines.push('', 'Injected events: recall and delay (hours from the first hour of the event)');
  lines.push('event          mean/h  recall  median  p90   false issues/subject-week');
  for (const f of injectedEventFigures(seeds, policy)) {
    lines.push(
      `${f.event.padEnd(14)} ${String(f.meanPerHour).padEnd(7)} ${f.recall.toFixed(2).padEnd(7)} ${String(f.medianDelayHours ?? '-').padEnd(7)} ${String(f.p90DelayHours ?? '-').padEnd(5)} ${f3(f.falseIssuesPerWeek)}`,
    );
  }
  return lines.join('\n');
}
