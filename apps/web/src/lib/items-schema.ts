import type { ResponseSchema } from './api-client.ts';

type Parsed<T> = ReturnType<ResponseSchema<T>['safeParse']>;

/**
 * The `{ items: T[] }` envelope of the API's list routes, checking every item with its core
 * schema. Built here so the web app needs core's schemas only, not zod itself.
 */
export function itemsOf<T>(item: ResponseSchema<T>): ResponseSchema<{ items: T[] }> {
  return {
    safeParse(input: unknown): Parsed<{ items: T[] }> {
      const items =
        typeof input === 'object' && input !== null ? (input as { items?: unknown }).items : null;
      if (!Array.isArray(items)) {
        return { success: false, error: { issues: [{ message: 'expected { items: [...] }' }] } };
      }
      const out: T[] = [];
      for (const [index, raw] of items.entries()) {
        const parsed = item.safeParse(raw);
        if (!parsed.success) {
          const reason = parsed.error.issues[0]?.message ?? 'invalid';
          return { success: false, error: { issues: [{ message: `items[${index}]: ${reason}` }] } };
        }
        out.push(parsed.data);
      }
      return { success: true, data: { items: out } };
    },
  };
}
