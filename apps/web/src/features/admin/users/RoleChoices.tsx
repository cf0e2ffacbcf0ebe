import { ROLES, type Role } from '@barometer/core';
import { ROLE_LABEL } from '../role-labels.ts';

/** One checkbox per role, each with what it is for; the list keeps the table's role order. */
export function RoleChoices({
  legend,
  value,
  onChange,
  disabled = false,
  error,
  errorId,
  compact = false,
}: {
  legend: string;
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  disabled?: boolean;
  error?: string;
  errorId?: string;
  compact?: boolean;
}) {
  const toggle = (role: Role, on: boolean) =>
    onChange(ROLES.filter((r) => (r === role ? on : value.includes(r))));
  return (
    <fieldset
      className={`role-choices${compact ? ' compact' : ''}`}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className={compact ? 'visually-hidden' : undefined}>{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} className="check">
          <input
            type="checkbox"
            name="roles"
            value={role}
            checked={value.includes(role)}
            disabled={disabled}
            onChange={(e) => toggle(role, e.target.checked)}
          />
          <span>
            {ROLE_LABEL[role].name}
            {!compact && <span className="muted small"> — {ROLE_LABEL[role].hint}</span>}
          </span>
        </label>
      ))}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
