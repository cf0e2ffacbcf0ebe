import type { WeeklyReport } from '@barometer/core';
import { Link } from '../../components/Link.tsx';
import { changeText, countText, linkFor } from './report-view.ts';

/** Safeguarding and patient safety: counts and how they ended, never what was said. */
export function SafetyPanel({ report }: { report: WeeklyReport }) {
  const { safety } = report;
  const rows = [
    {
      key: 'safeguarding',
      label: 'Safeguarding',
      now: safety.safeguarding,
      before: safety.previousSafeguarding,
      flag: 'safeguarding' as const,
    },
    {
      key: 'patient-safety',
      label: 'Patient safety',
      now: safety.patientSafety,
      before: safety.previousPatientSafety,
      flag: 'patientSafety' as const,
    },
  ];
  return (
    <section className="baro-section" aria-labelledby="baro-safety">
      <h2 id="baro-safety">Safeguarding and patient safety</h2>
      <div className="baro-safety">
        {rows.map((r) => (
          <div key={r.key} className="baro-safety-item" data-testid={`safety-${r.key}`}>
            <Link to={linkFor(report, { flag: r.flag })} className="baro-number">
              {countText(r.now)}
            </Link>
            <span>{r.label}</span>
            <span className="muted small">{changeText(r.now, r.before)}</span>
          </div>
        ))}
        <div className="baro-safety-item">
          <Link to={linkFor(report, { flag: 'complaint' })} className="baro-number">
            {countText(safety.complaints)}
          </Link>
          <span>Complaints</span>
        </div>
      </div>
      <p className="muted small">
        Counts only: open an item in the inbox to read it. {safety.outcomes.message}
      </p>
    </section>
  );
}
