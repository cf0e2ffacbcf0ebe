import { type FormEvent, type ReactNode, useId, useState } from 'react';

/**
 * A value shown as text with a small button beside it that turns it into a field with Save and
 * Cancel (Escape cancels). `onSave` answers with the message to show, or null when saved.
 */
export function InlineEdit({
  display,
  initial,
  buttonText,
  fieldLabel,
  onSave,
  disabled = false,
  suffix,
  inputMode,
  width,
}: {
  display: ReactNode;
  initial: string;
  buttonText: string;
  /** Names the field and the button for screen readers ("Name of Local news"). */
  fieldLabel: string;
  onSave: (text: string) => Promise<string | null>;
  disabled?: boolean;
  suffix?: string;
  inputMode?: 'text' | 'decimal';
  width?: string;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorId = useId();

  const start = () => {
    setText(initial);
    setError(null);
    setEditing(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const message = await onSave(text);
    setSaving(false);
    setError(message);
    if (message === null) setEditing(false);
  };

  if (!editing) {
    return (
      <span className="inline-value">
        {display}
        {!disabled && (
          <button type="button" className="link-button small" onClick={start}>
            {buttonText}
            <span className="visually-hidden"> ({fieldLabel})</span>
          </button>
        )}
      </span>
    );
  }
  return (
    <form className="inline-edit" onSubmit={submit} noValidate>
      <span className="inline-edit-field">
        <input
          // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this field
          autoFocus
          aria-label={fieldLabel}
          value={text}
          inputMode={inputMode}
          style={width ? { width } : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(false);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {suffix && <span className="muted">{suffix}</span>}
      </span>
      <span className="inline-edit-actions">
        <button type="submit" className="button small-button" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="link-button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </span>
      {error && (
        <span className="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
