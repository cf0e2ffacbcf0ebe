import { PRESET_PLACEHOLDER, type SourceCreateBody } from '@barometer/core';
import { type FormErrors, formErrorsOf } from '../../lib/form-errors.ts';
import { parseMinutes } from './poll-interval.ts';

/** What the officer has typed into "Add a source", as typed. */
export interface SourceDraft {
  name: string;
  url: string;
  isQueryFeed: boolean;
  minutes: string;
}

export const EMPTY_DRAFT: SourceDraft = { name: '', url: '', isQueryFeed: false, minutes: '5' };

export const SOURCE_FIELDS = ['name', 'url', 'minutes'] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

export type DraftCheck =
  | { ok: true; body: SourceCreateBody }
  | { ok: false; errors: FormErrors<SourceField> };

/**
 * Checks the draft before anything is fetched, with the same words the API would use, so the
 * officer learns every problem at once instead of one round trip per field.
 */
export function checkSourceDraft(draft: SourceDraft): DraftCheck {
  const fields: Partial<Record<SourceField, string>> = {};
  const name = draft.name.trim();
  const url = draft.url.trim();
  if (name === '') fields.name = 'Give the source a name';
  else if (name.length > 200) fields.name = 'Keep the name under 200 characters';
  if (url === '') fields.url = 'Enter the address of the feed or page';
  else if (!/^https?:\/\/[^\s/]+/i.test(url)) {
    fields.url = 'Enter a full web address, starting with https://';
  } else if (PRESET_PLACEHOLDER.test(url)) {
    fields.url =
      'Replace the capitalised placeholder in this address (such as CHANNEL_ID) with the real value';
  }
  const interval = parseMinutes(draft.minutes);
  if (!interval.ok) fields.minutes = interval.message;
  if (Object.keys(fields).length > 0 || !interval.ok) {
    return { ok: false, errors: { fields, general: null } };
  }
  return {
    ok: true,
    body: {
      kind: 'rss',
      name,
      url,
      isQueryFeed: draft.isQueryFeed,
      pollIntervalSeconds: interval.seconds,
      enabled: true,
      query: null,
    },
  };
}

/** The API's refusal of a preview or an add, placed beside the form's own fields. */
export function sourceFormErrors(error: unknown): FormErrors<SourceField> {
  const placed = formErrorsOf(error, ['name', 'url', 'pollIntervalSeconds'] as const);
  const { pollIntervalSeconds, ...fields } = placed.fields;
  return {
    fields: pollIntervalSeconds ? { ...fields, minutes: pollIntervalSeconds } : fields,
    general: placed.general,
  };
}
