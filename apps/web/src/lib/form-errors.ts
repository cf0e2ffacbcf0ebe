import { ApiError } from './api-client.ts';

/** A failed form submission, split into messages beside their fields and one for the whole form. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  general: string | null;
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, general: null };

/**
 * Places an API refusal on the form: a message for a field the form shows goes beside it; any
 * other field's message, or a refusal without fields, goes above the buttons. The API's summary
 * ("Check the request body: name: ...") names fields for developers, so it is used only when
 * there is nothing better to say.
 */
export function formErrorsOf<F extends string>(
  error: unknown,
  fieldNames: readonly F[],
): FormErrors<F> {
  if (error === null || error === undefined) return NO_ERRORS;
  if (!(error instanceof ApiError)) {
    return { fields: {}, general: 'Something went wrong. Try again in a moment.' };
  }
  const fields: Partial<Record<F, string>> = {};
  const others: string[] = [];
  for (const [name, message] of Object.entries(error.fields)) {
    if ((fieldNames as readonly string[]).includes(name)) fields[name as F] = message;
    else if (!others.includes(message)) others.push(message);
  }
  const placed = Object.keys(fields).length > 0;
  const general = others.length > 0 ? others.join(' ') : placed ? null : error.message;
  return { fields, general };
}
