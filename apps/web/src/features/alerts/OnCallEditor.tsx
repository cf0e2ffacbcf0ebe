import {
  type EscalationPolicy,
  ONCALL_ROLES,
  type OnCallRole,
  type Rota,
  type RotaPerson,
  type Rotation,
} from '@barometer/core';
import { useEffect, useState } from 'react';
import { formatLondon } from '../../lib/time-format.ts';
import { localInputToIso, ROLE_LABEL, weekdayName } from './alert-view.ts';
import { useOnCall, useSavePolicy, useSaveRota } from './use-alerts.ts';

function newRotation(role: OnCallRole): Rotation {
  return {
    role,
    members: [],
    handoverWeekday: 1,
    handoverTime: '09:00',
    startsOn: new Date().toISOString().slice(0, 10),
    periodWeeks: 1,
  };
}

function RotationFields(props: {
  rotation: Rotation;
  people: RotaPerson[];
  onChange: (r: Rotation) => void;
}) {
  const { rotation: r, people, onChange } = props;
  const [adding, setAdding] = useState('');
  const name = (id: number) => people.find((p) => p.id === id)?.name ?? 'someone who left';
  const id = `rot-${r.role}`;
  return (
    <fieldset className="card rota-card">
      <legend>{ROLE_LABEL[r.role]}</legend>
      <ol className="rota-members">
        {r.members.map((m, i) => (
          <li key={`${m}-${i}`}>
            {name(m)}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onChange({ ...r, members: r.members.filter((_, j) => j !== i) })}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <label htmlFor={`${id}-add`} className="visually-hidden">
          Add a person to the {ROLE_LABEL[r.role]} rotation
        </label>
        <select id={`${id}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">Add a person…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={!adding}
          onClick={() => {
            onChange({ ...r, members: [...r.members, Number(adding)] });
            setAdding('');
          }}
        >
          Add
        </button>
      </div>
      <div className="rule-grid">
        <label htmlFor={`${id}-day`}>Hands over on</label>
        <span className="checks">
          <select
            id={`${id}-day`}
            value={r.handoverWeekday}
            onChange={(e) => onChange({ ...r, handoverWeekday: Number(e.target.value) })}
          >
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <option key={d} value={d}>
                {weekdayName(d)}
              </option>
            ))}
          </select>
          <input
            type="time"
            aria-label="Handover time (UK)"
            value={r.handoverTime}
            onChange={(e) => onChange({ ...r, handoverTime: e.target.value })}
          />
        </span>
        <label htmlFor={`${id}-start`}>First handover</label>
        <input
          id={`${id}-start`}
          type="date"
          value={r.startsOn}
          onChange={(e) => onChange({ ...r, startsOn: e.target.value })}
        />
        <label htmlFor={`${id}-weeks`}>Weeks each</label>
        <input
          id={`${id}-weeks`}
          type="number"
          min={1}
          max={12}
          value={r.periodWeeks}
          onChange={(e) =>
            onChange({ ...r, periodWeeks: Math.min(12, Math.max(1, Number(e.target.value) || 1)) })
          }
        />
      </div>
    </fieldset>
  );
}

function OverridesFields(props: {
  rota: Rota;
  people: RotaPerson[];
  onChange: (rota: Rota) => void;
}) {
  const { rota, people, onChange } = props;
  const [form, setForm] = useState({ role: 'primary' as OnCallRole, userId: '', from: '', to: '' });
  const from = localInputToIso(form.from);
  const to = localInputToIso(form.to);
  const valid = form.userId && from && to && Date.parse(to) > Date.parse(from);
  return (
    <fieldset className="card">
      <legend>Cover (one-off changes)</legend>
      {rota.overrides.length === 0 && <p className="muted">No cover arranged.</p>}
      <ul className="rota-members">
        {rota.overrides.map((o, i) => (
          <li key={`${o.role}-${o.from}-${i}`}>
            {people.find((p) => p.id === o.userId)?.name ?? 'someone'} covers{' '}
            {ROLE_LABEL[o.role].toLowerCase()} from {formatLondon(o.from)} to {formatLondon(o.to)}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                onChange({ ...rota, overrides: rota.overrides.filter((_, j) => j !== i) })
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form wrap">
        <select
          aria-label="Role"
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as OnCallRole })}
        >
          {ONCALL_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <select
          aria-label="Person"
          value={form.userId}
          onChange={(e) => setForm({ ...form, userId: e.target.value })}
        >
          <option value="">Who covers…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <input
          type="datetime-local"
          aria-label="From"
          value={form.from}
          onChange={(e) => setForm({ ...form, from: e.target.value })}
        />
        <input
          type="datetime-local"
          aria-label="Until"
          value={form.to}
          onChange={(e) => setForm({ ...form, to: e.target.value })}
        />
        <button
          type="button"
          className="button"
          disabled={!valid}
          onClick={() => {
            if (!from || !to) return;
            onChange({
              ...rota,
              overrides: [
                ...rota.overrides,
                { role: form.role, userId: Number(form.userId), from, to },
              ],
            });
            setForm({ ...form, userId: '', from: '', to: '' });
          }}
        >
          Add cover
        </button>
      </div>
    </fieldset>
  );
}

function LadderFields({
  policy,
  onChange,
}: {
  policy: EscalationPolicy;
  onChange: (p: EscalationPolicy) => void;
}) {
  const set = (i: number, step: EscalationPolicy['steps'][number]) =>
    onChange({ steps: policy.steps.map((s, j) => (j === i ? step : s)) });
  return (
    <>
      {policy.steps.map((step, i) => (
        <fieldset key={i} className="card">
          <legend>Step {i + 1}</legend>
          <label htmlFor={`step-${i}-notify`}>
            Tell (one a line: oncall:primary, email:ADDRESS, teams:URL, slack:URL, webhook:URL)
          </label>
          <textarea
            id={`step-${i}-notify`}
            rows={3}
            value={step.notify.join('\n')}
            onChange={(e) => set(i, { ...step, notify: e.target.value.split('\n') as never })}
          />
          <label htmlFor={`step-${i}-wait`}>Wait for an acknowledgement (minutes)</label>
          <input
            id={`step-${i}-wait`}
            type="number"
            min={1}
            value={Math.round(step.escalateAfterSeconds / 60)}
            onChange={(e) =>
              set(i, {
                ...step,
                escalateAfterSeconds: Math.max(1, Number(e.target.value) || 1) * 60,
              })
            }
          />
          {policy.steps.length > 1 && (
            <button
              type="button"
              className="link-button"
              onClick={() => onChange({ steps: policy.steps.filter((_, j) => j !== i) })}
            >
              Remove this step
            </button>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        className="button"
        disabled={policy.steps.length >= 10}
        onClick={() =>
          onChange({
            steps: [...policy.steps, { notify: ['oncall:final'], escalateAfterSeconds: 900 }],
          })
        }
      >
        Add a step
      </button>
      <p className="muted small">
        After the last step, it is told again each time its wait runs out, until someone
        acknowledges.
      </p>
    </>
  );
}

/** Who is on call now, the rotations and cover, and the escalation ladder. */
export function OnCallEditor({ canEdit }: { canEdit: boolean }) {
  const oncall = useOnCall();
  const saveRota = useSaveRota();
  const savePolicy = useSavePolicy();
  const [rota, setRota] = useState<Rota | null>(null);
  const [policy, setPolicy] = useState<EscalationPolicy | null>(null);
  useEffect(() => {
    if (!oncall.data) return;
    setRota((r) => r ?? oncall.data.rota);
    setPolicy((p) => p ?? oncall.data.policy);
  }, [oncall.data]);
  if (oncall.isError)
    return (
      <div className="notice notice-error">Could not load the rota: {oncall.error.message}</div>
    );
  if (!oncall.data || !rota || !policy) return <p className="empty">Loading the rota…</p>;
  const { people, now } = oncall.data;
  const rotationFor = (role: OnCallRole) =>
    rota.rotations.find((r) => r.role === role) ?? newRotation(role);
  const setRotation = (next: Rotation) => {
    const others = rota.rotations.filter((r) => r.role !== next.role);
    setRota({ ...rota, rotations: next.members.length ? [...others, next] : others });
  };
  return (
    <div className="oncall-editor">
      <section className="card oncall-now" aria-label="On call now">
        <h2 className="small-heading">On call now</h2>
        <dl className="facts">
          {ONCALL_ROLES.map((r) => (
            <div key={r}>
              <dt>{ROLE_LABEL[r]}</dt>
              <dd>{now[r]?.name ?? <span className="muted">nobody</span>}</dd>
            </div>
          ))}
        </dl>
      </section>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          saveRota.mutate(rota);
        }}
      >
        <fieldset disabled={!canEdit || saveRota.isPending} className="plain-fieldset">
          <h2 className="small-heading">Rota (weekly, UK time)</h2>
          <div className="rota-grid">
            {ONCALL_ROLES.map((role) => (
              <RotationFields
                key={role}
                rotation={rotationFor(role)}
                people={people}
                onChange={setRotation}
              />
            ))}
          </div>
          <OverridesFields rota={rota} people={people} onChange={setRota} />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Save rota
            </button>
            {saveRota.isSuccess && <span className="form-ok">Saved.</span>}
            {saveRota.isError && (
              <span className="form-error">Not saved: {saveRota.error.message}</span>
            )}
          </div>
        </fieldset>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          savePolicy.mutate({
            steps: policy.steps.map((s) => ({
              ...s,
              notify: s.notify.map((t) => t.trim()).filter(Boolean) as never,
            })),
          });
        }}
      >
        <fieldset disabled={!canEdit || savePolicy.isPending} className="plain-fieldset">
          <h2 className="small-heading">Escalation ladder</h2>
          <LadderFields policy={policy} onChange={setPolicy} />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Save ladder
            </button>
            {savePolicy.isSuccess && (
              <span className="form-ok">Saved. Alerts raised from now on use this ladder.</span>
            )}
            {savePolicy.isError && (
              <span className="form-error">Not saved: {savePolicy.error.message}</span>
            )}
          </div>
        </fieldset>
      </form>
    </div>
  );
}
