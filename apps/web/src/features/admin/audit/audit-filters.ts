import { buildUrl } from '../../../lib/api-client.ts';

/** The audit page's filters as the form holds them: '' means "any". Dates are YYYY-MM-DD. */
export interface AuditFilters {
  actorUserId: string;
  action: string;
  fromDate: string;
  toDate: string;
}

export const NO_FILTERS: AuditFilters = { actorUserId: '', action: '', fromDate: '', toDate: '' };

export interface AuditFilterQuery {
  actorUserId?: number;
  action?: string;
  from?: string;
  to?: string;
}

/** Midnight at the start of a YYYY-MM-DD day, in the browser's time zone (the officer's day). */
function dayStart(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * The filters as the API's query: dates become instants covering whole days, "to" included up
 * to its last millisecond, so "1 Dec to 1 Dec" means all of 1 December.
 */
export function auditQueryOf(filters: AuditFilters): AuditFilterQuery {
  const query: AuditFilterQuery = {};
  const actor = Number(filters.actorUserId);
  if (filters.actorUserId !== '' && Number.isInteger(actor) && actor > 0) query.actorUserId = actor;
  if (filters.action !== '') query.action = filters.action;
  const from = dayStart(filters.fromDate);
  if (from) query.from = from.toISOString();
  const to = dayStart(filters.toDate);
  if (to) {
    const end = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1);
    query.to = new Date(end.getTime() - 1).toISOString();
  }
  return query;
}

/** "The end date is before the start date", or null when the range makes sense. */
export function dateRangeProblem(filters: AuditFilters): string | null {
  const from = dayStart(filters.fromDate);
  const to = dayStart(filters.toDate);
  return from && to && to < from ? 'The end date is before the start date' : null;
}

/** The CSV download of exactly what the page shows. */
export function auditExportHref(filters: AuditFilters): string {
  return buildUrl('', '/api/audit/export', { ...auditQueryOf(filters) });
}
