import {
  ALERT_CHANNELS,
  type AlertChannel,
  type AlertRule,
  BUSINESS_HOURS,
  type HoursPolicy,
} from '@barometer/core';
import { useEffect, useState } from 'react';
import { ruleSummary, SEVERITY_LABEL, weekdayName } from './alert-view.ts';
import { useAlertRules, useSaveRules } from './use-alerts.ts';

const CHANNEL_LABEL: Record<AlertChannel, string> = {
  'in-app': 'Dashboard',
  email: 'E-mail',
  teams: 'Teams',
  slack: 'Slack',
  webhook: 'Paging webhook',
};

const TRIGGER_LABEL: Record<AlertRule['trigger'], string> = {
  safeguarding: 'A post with a safeguarding signal',
  'patient-safety': 'A post with a patient safety concern',
  'thread-escalating': 'A thread escalating',
  'issue-emerging': 'An emerging issue',
  'source-down': 'A source down',
};

function hoursFor(kind: HoursPolicy['kind']): HoursPolicy {
  if (kind === 'always') return { kind };
  if (kind === 'business') return BUSINESS_HOURS;
  return { kind: 'quiet', start: '22:00', end: '07:00' };
}

function RuleFields({ rule, onChange }: { rule: AlertRule; onChange: (rule: AlertRule) => void }) {
  const id = `rule-${rule.key}`;
  const toggleChannel = (c: AlertChannel) => {
    const channels = rule.channels.includes(c)
      ? rule.channels.filter((x) => x !== c)
      : [...rule.channels, c];
    if (channels.length > 0) onChange({ ...rule, channels });
  };
  const hours = rule.hours;
  return (
    <fieldset className="card rule-card">
      <legend>
        <label className="switch-label">
          <input
            type="checkbox"
            checked={rule.enabled}
            onChange={(e) => onChange({ ...rule, enabled: e.target.checked })}
          />{' '}
          {rule.label}
        </label>
      </legend>
      <p className="muted small">
        {TRIGGER_LABEL[rule.trigger]}
        {rule.level ? ` at ${rule.level} level` : ''}
        {rule.afterHours ? ` for ${rule.afterHours} hours` : ''}. {ruleSummary(rule)}
      </p>
      <div className="rule-grid">
        <label htmlFor={`${id}-severity`}>Severity</label>
        <select
          id={`${id}-severity`}
          value={rule.severity}
          onChange={(e) => onChange({ ...rule, severity: e.target.value as AlertRule['severity'] })}
        >
          {(['page', 'alert', 'info'] as const).map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABEL[s]}
            </option>
          ))}
        </select>
        <span>Channels</span>
        <span className="checks">
          {ALERT_CHANNELS.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={rule.channels.includes(c)}
                onChange={() => toggleChannel(c)}
              />{' '}
              {CHANNEL_LABEL[c]}
            </label>
          ))}
        </span>
        <label htmlFor={`${id}-hours`}>When</label>
        <span className="checks">
          <select
            id={`${id}-hours`}
            value={hours.kind}
            onChange={(e) =>
              onChange({ ...rule, hours: hoursFor(e.target.value as HoursPolicy['kind']) })
            }
          >
            <option value="always">Around the clock</option>
            <option value="business">Business hours only</option>
            <option value="quiet">Not during quiet hours</option>
          </select>
          {hours.kind !== 'always' && (
            <>
              <input
                type="time"
                aria-label="From"
                value={hours.start}
                onChange={(e) => onChange({ ...rule, hours: { ...hours, start: e.target.value } })}
              />
              <input
                type="time"
                aria-label="Until"
                value={hours.end}
                onChange={(e) => onChange({ ...rule, hours: { ...hours, end: e.target.value } })}
              />
            </>
          )}
        </span>
        {hours.kind === 'business' && (
          <>
            <span>Days</span>
            <span className="checks">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label key={d}>
                  <input
                    type="checkbox"
                    checked={hours.days.includes(d)}
                    onChange={() => {
                      const days = hours.days.includes(d)
                        ? hours.days.filter((x) => x !== d)
                        : [...hours.days, d];
                      if (days.length > 0) onChange({ ...rule, hours: { ...hours, days } });
                    }}
                  />{' '}
                  {weekdayName(d).slice(0, 3)}
                </label>
              ))}
            </span>
          </>
        )}
        <label htmlFor={`${id}-window`}>Group posts within (minutes)</label>
        <input
          id={`${id}-window`}
          type="number"
          min={0}
          max={10080}
          value={rule.groupWindowMinutes}
          onChange={(e) =>
            onChange({ ...rule, groupWindowMinutes: Math.max(0, Number(e.target.value) || 0) })
          }
        />
      </div>
    </fieldset>
  );
}

/** The rule table on one screen; saved whole, as the API replaces it whole. */
export function RulesEditor({ canEdit }: { canEdit: boolean }) {
  const rules = useAlertRules();
  const save = useSaveRules();
  const [draft, setDraft] = useState<AlertRule[] | null>(null);
  useEffect(() => {
    if (rules.data && draft === null) setDraft(rules.data);
  }, [rules.data, draft]);
  if (rules.isPending || draft === null) return <p className="empty">Loading the rules…</p>;
  if (rules.isError)
    return (
      <div className="notice notice-error">Could not load the rules: {rules.error.message}</div>
    );
  return (
    <form
      className="rules-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <fieldset disabled={!canEdit || save.isPending} className="plain-fieldset">
        {draft.map((rule, i) => (
          <RuleFields
            key={rule.key}
            rule={rule}
            onChange={(r) => setDraft(draft.map((x, j) => (j === i ? r : x)))}
          />
        ))}
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Save rules
          </button>
          {save.isSuccess && <span className="form-ok">Saved. New alerts follow these rules.</span>}
          {save.isError && <span className="form-error">Not saved: {save.error.message}</span>}
        </div>
      </fieldset>
    </form>
  );
}
