import type { AlertDto, AlertEventKind, AlertRule, HoursPolicy, OnCallRole } from '@barometer/core';
import { formatLondon, formatRelative } from '../../lib/time-format.ts';

export const SEVERITY_LABEL: Record<AlertDto['severity'], string> = {
  info: 'For information',
  alert: 'Alert',
  page: 'Page',
};

export const STATUS_LABEL: Record<AlertDto['status'], string> = {
  open: 'Waiting for someone',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export const ROLE_LABEL: Record<OnCallRole, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  final: 'Director on call',
};

export const EVENT_LABEL: Record<AlertEventKind, string> = {
  raised: 'Raised',
  grouped: 'More posts',
  held: 'Held',
  sent: 'Paged',
  delivered: 'Delivered',
  failed: 'Failed',
  escalated: 'Escalated',
  renotified: 'Reminded',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  'no-one-on-call': 'Nobody to tell',
};

/** One line under an alert's title: where the ladder stands, in words. */
export function ladderSummary(alert: AlertDto, now: Date): string {
  if (alert.status === 'resolved') {
    return `Resolved by ${alert.resolvedBy?.name ?? 'someone'} ${formatRelative(alert.resolvedAt ?? alert.raisedAt, now)}.`;
  }
  if (alert.status === 'acknowledged') {
    return `Acknowledged by ${alert.acknowledgedBy?.name ?? 'someone'} ${formatRelative(alert.acknowledgedAt ?? alert.raisedAt, now)}.`;
  }
  if (alert.nextPageAt === null) {
    return alert.pagesSent === 0
      ? 'Shown here only; nobody is paged.'
      : 'Told once; waiting for someone to acknowledge.';
  }
  const when = new Date(alert.nextPageAt);
  if (alert.pagesSent === 0) {
    return when.getTime() > now.getTime() + 60_000
      ? `Held until ${formatLondon(when)} (outside the rule's hours).`
      : 'Paging now.';
  }
  return `Nobody has acknowledged: the next person is told ${formatRelative(when, now)}.`;
}

/** Active alerts first (pages before alerts, newest first), then the rest newest first. */
export function sortAlerts(alerts: readonly AlertDto[]): AlertDto[] {
  const rank = (a: AlertDto) =>
    a.status === 'open' ? (a.severity === 'page' ? 0 : 1) : a.status === 'acknowledged' ? 2 : 3;
  return [...alerts].sort((a, b) => rank(a) - rank(b) || b.id - a.id);
}

/** Replaces or adds an alert from a live event, keeping the list sorted. */
export function mergeAlert(alerts: readonly AlertDto[], alert: AlertDto): AlertDto[] {
  const others = alerts.filter((a) => a.id !== alert.id);
  return sortAlerts([alert, ...others]);
}

/** Open alerts a person should look at now, for the banner. */
export function bannerCount(alerts: readonly AlertDto[]): { pages: number; alerts: number } {
  const open = alerts.filter((a) => a.status === 'open');
  return {
    pages: open.filter((a) => a.severity === 'page').length,
    alerts: open.filter((a) => a.severity === 'alert').length,
  };
}

/**
 * Where the alert's subject lives in the dashboard. The inbox cannot open one mention by address
 * yet, so only a source links out for now.
 */
export function subjectLink(alert: AlertDto): { to: string; label: string } | null {
  return alert.subject.kind === 'source' ? { to: '/sources', label: 'Open sources' } : null;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday - 1] ?? 'unknown day';
}

/** A rule's hours, in words: "Around the clock", "Mon-Fri 09:00-17:00", "Not 22:00-07:00". */
export function hoursSummary(hours: HoursPolicy): string {
  if (hours.kind === 'always') return 'Around the clock';
  if (hours.kind === 'quiet') return `Held ${hours.start}-${hours.end}`;
  const days = [...hours.days].sort((a, b) => a - b);
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const names = days.map((d) => weekdayName(d).slice(0, 3));
  const span = contiguous && days.length > 2 ? `${names[0]}-${names.at(-1)}` : names.join(', ');
  return `${span} ${hours.start}-${hours.end}`;
}

export function ruleSummary(rule: AlertRule): string {
  const grouping =
    rule.groupWindowMinutes > 0 ? `grouped over ${rule.groupWindowMinutes} min` : 'not grouped';
  return `${SEVERITY_LABEL[rule.severity]} · ${hoursSummary(rule.hours)} · ${grouping}`;
}

/** A datetime-local input's value (the browser's zone, UK for the trust) as an ISO instant. */
export function localInputToIso(value: string): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Which part of the alerts page a path shows: /alerts, /alerts/12, /alerts/rules, /alerts/oncall. */
export function alertsView(pathname: string): {
  tab: 'alerts' | 'rules' | 'oncall';
  alertId: number | null;
} {
  const rest = pathname.replace(/\/+$/, '').replace(/^\/alerts\/?/, '');
  if (rest === 'rules') return { tab: 'rules', alertId: null };
  if (rest === 'oncall') return { tab: 'oncall', alertId: null };
  const id = /^\d{1,15}$/.test(rest) ? Number(rest) : null;
  return { tab: 'alerts', alertId: id };
}
