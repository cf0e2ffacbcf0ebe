import { z } from 'zod';
import { EscalationPolicy } from '../alerts/ladder.ts';
import { Rota } from '../alerts/rota.ts';
import { AlertRule, AlertSeverity } from '../alerts/rules.ts';

export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

const person = z.object({ id: z.number().int().nullable(), name: z.string() });

export const AlertSubjectDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mention'), id: z.number().int() }),
  z.object({ kind: z.literal('thread'), key: z.string() }),
  z.object({ kind: z.literal('issue'), id: z.number().int() }),
  z.object({ kind: z.literal('source'), id: z.number().int() }),
]);

/** An alert as the dashboard and the live socket see it: redacted text only. */
export const AlertDto = z.object({
  id: z.number().int(),
  ruleKey: z.string(),
  severity: AlertSeverity,
  status: AlertStatus,
  title: z.string(),
  why: z.string(),
  excerpt: z.string().nullable(),
  /** Signals grouped into this alert. */
  count: z.number().int(),
  subject: AlertSubjectDto,
  raisedAt: z.string(),
  lastSignalAt: z.string(),
  /** When the ladder may start (later than raisedAt when the rule's hours held it). */
  notifyFrom: z.string(),
  pagesSent: z.number().int(),
  /** When the next page goes out if nobody acknowledges; null once the ladder is done. */
  nextPageAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: person.nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: person.nullable(),
  resolutionNote: z.string().nullable(),
});
export type AlertDto = z.infer<typeof AlertDto>;

export const ALERT_EVENT_KINDS = [
  'raised',
  'grouped',
  'held',
  'sent',
  'delivered',
  'failed',
  'escalated',
  'renotified',
  'acknowledged',
  'resolved',
  'no-one-on-call',
] as const;
export const AlertEventKind = z.enum(ALERT_EVENT_KINDS);
export type AlertEventKind = z.infer<typeof AlertEventKind>;

/** One line of an alert's timeline. */
export const AlertEventDto = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: AlertEventKind,
  detail: z.string(),
  actor: z.string().nullable(),
});
export type AlertEventDto = z.infer<typeof AlertEventDto>;

export const AlertDetail = AlertDto.extend({ timeline: z.array(AlertEventDto) });
export type AlertDetail = z.infer<typeof AlertDetail>;

export const AlertListQuery = z.object({
  status: z.enum(['active', 'open', 'acknowledged', 'resolved', 'all']).default('active'),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const AlertPage = z.object({
  items: z.array(AlertDto),
  nextCursor: z.number().int().nullable(),
});
export type AlertPage = z.infer<typeof AlertPage>;

export const ResolveAlertBody = z.object({ note: z.string().trim().min(1).max(2000) });
export type ResolveAlertBody = z.infer<typeof ResolveAlertBody>;

export const AlertRulesBody = z.object({
  rules: z
    .array(AlertRule)
    .min(1)
    .max(50)
    .refine((rs) => new Set(rs.map((r) => r.key)).size === rs.length, 'rule keys must be unique'),
});
export type AlertRulesBody = z.infer<typeof AlertRulesBody>;

/** A person who can be put on the rota. */
export const RotaPerson = z.object({ id: z.number().int(), name: z.string(), email: z.string() });
export type RotaPerson = z.infer<typeof RotaPerson>;

export const OnCallNow = z.object({
  primary: RotaPerson.nullable(),
  secondary: RotaPerson.nullable(),
  final: RotaPerson.nullable(),
});
export type OnCallNow = z.infer<typeof OnCallNow>;

/** The rota and the ladder, as the on-call page edits them. */
export const OnCallSettings = z.object({
  rota: Rota,
  policy: EscalationPolicy,
  people: z.array(RotaPerson),
  now: OnCallNow,
});
export type OnCallSettings = z.infer<typeof OnCallSettings>;

/** What the public acknowledgement link answers, for the page it shows (no sign-in). */
export const AckOutcome = z.object({
  acknowledged: z.boolean(),
  message: z.string(),
  alertId: z.number().int().nullable(),
});
export type AckOutcome = z.infer<typeof AckOutcome>;
