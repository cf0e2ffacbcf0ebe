import type { UserDto } from '@barometer/core';
import { type AuditFilters, dateRangeProblem, NO_FILTERS } from './audit-filters.ts';
import { actionLabel } from './audit-sentence.ts';

/** Person, action and date range; every change applies at once. */
export function AuditFiltersForm({
  value,
  onChange,
  people,
  actions,
}: {
  value: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  people: readonly UserDto[];
  actions: readonly string[];
}) {
  const set = <K extends keyof AuditFilters>(key: K, v: AuditFilters[K]) =>
    onChange({ ...value, [key]: v });
  const rangeProblem = dateRangeProblem(value);
  const filtered = Object.values(value).some((v) => v !== '');
  return (
    <form
      className="audit-filters"
      onSubmit={(e) => e.preventDefault()}
      aria-label="Filter the log"
    >
      <label>
        <span>Person</span>
        <select value={value.actorUserId} onChange={(e) => set('actorUserId', e.target.value)}>
          <option value="">Anyone</option>
          {people.map((person) => (
            <option key={person.id} value={String(person.id)}>
              {person.displayName}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Action</span>
        <select value={value.action} onChange={(e) => set('action', e.target.value)}>
          <option value="">Any action</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(action)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>From</span>
        <input
          type="date"
          value={value.fromDate}
          onChange={(e) => set('fromDate', e.target.value)}
        />
      </label>
      <label>
        <span>To</span>
        <input
          type="date"
          value={value.toDate}
          onChange={(e) => set('toDate', e.target.value)}
          aria-invalid={rangeProblem ? true : undefined}
          aria-describedby={rangeProblem ? 'audit-range-error' : undefined}
        />
      </label>
      {filtered && (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
      {rangeProblem && (
        <p className="field-error audit-range-error" id="audit-range-error" role="alert">
          {rangeProblem}
        </p>
      )}
    </form>
  );
}
