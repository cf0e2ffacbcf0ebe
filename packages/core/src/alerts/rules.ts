import { z } from 'zod';
import { BUSINESS_HOURS, HoursPolicy } from './hours.ts';

export const ALERT_TRIGGERS = [
  'safeguarding',
  'patient-safety',
  'thread-escalating',
  'issue-emerging',
  'source-down',
] as const;
export const AlertTrigger = z.enum(ALERT_TRIGGERS);
export type AlertTrigger = z.infer<typeof AlertTrigger>;

export const AlertSeverity = z.enum(['info', 'alert', 'page']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

export const ALERT_CHANNELS = ['in-app', 'email', 'teams', 'slack', 'webhook'] as const;
export const AlertChannel = z.enum(ALERT_CHANNELS);
export type AlertChannel = z.infer<typeof AlertChannel>;

/** A level detection reports for a thread or an emerging issue. */
export const SignalLevel = z.enum(['alert', 'page']);
export type SignalLevel = z.infer<typeof SignalLevel>;

/**
 * One row of the rule table. `level` (threads, issues) is the detection level the rule fires on;
 * `afterHours` (sources) is how long a source must have been failing or silent.
 */
export const AlertRule = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,60}$/, 'lower-case letters, digits and - only'),
  label: z.string().trim().min(1).max(120),
  trigger: AlertTrigger,
  enabled: z.boolean(),
  severity: AlertSeverity,
  channels: z.array(AlertChannel).min(1),
  hours: HoursPolicy,
  /** Signals on the same thread, issue or source within this window join one alert. */
  groupWindowMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  level: SignalLevel.nullable(),
  afterHours: z
    .number()
    .min(0.25)
    .max(14 * 24)
    .nullable(),
});
export type AlertRule = z.infer<typeof AlertRule>;

const EVERY_CHANNEL = [...ALERT_CHANNELS];
const QUIET_NIGHTS: HoursPolicy = { kind: 'quiet', start: '22:00', end: '07:00' };

/**
 * The rules a new deployment starts with, readable on one screen. A safeguarding signal pages
 * around the clock; patient safety alerts, but not through the night; detection's levels page or
 * alert as they say; a source silent for six hours alerts in business hours.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  rule('safeguarding', 'Safeguarding signal', 'safeguarding', 'page', EVERY_CHANNEL, {
    kind: 'always',
  }),
  rule(
    'patient-safety',
    'Patient safety concern',
    'patient-safety',
    'alert',
    ['in-app', 'email'],
    QUIET_NIGHTS,
  ),
  rule(
    'thread-page',
    'Thread escalating fast',
    'thread-escalating',
    'page',
    EVERY_CHANNEL,
    {
      kind: 'always',
    },
    { level: 'page' },
  ),
  rule(
    'thread-alert',
    'Thread escalating',
    'thread-escalating',
    'alert',
    ['in-app', 'email', 'teams'],
    BUSINESS_HOURS,
    { level: 'alert' },
  ),
  rule(
    'issue-page',
    'Emerging issue, urgent',
    'issue-emerging',
    'page',
    EVERY_CHANNEL,
    {
      kind: 'always',
    },
    { level: 'page' },
  ),
  rule(
    'issue-alert',
    'Emerging issue',
    'issue-emerging',
    'alert',
    ['in-app', 'email', 'teams'],
    BUSINESS_HOURS,
    { level: 'alert' },
  ),
  rule(
    'source-down',
    'Source down for hours',
    'source-down',
    'alert',
    ['in-app', 'email'],
    BUSINESS_HOURS,
    { afterHours: 6, groupWindowMinutes: 24 * 60 },
  ),
];

function rule(
  key: string,
  label: string,
  trigger: AlertTrigger,
  severity: AlertSeverity,
  channels: AlertChannel[],
  hours: HoursPolicy,
  extra: Partial<Pick<AlertRule, 'level' | 'afterHours' | 'groupWindowMinutes'>> = {},
): AlertRule {
  return {
    key,
    label,
    trigger,
    enabled: true,
    severity,
    channels,
    hours,
    groupWindowMinutes: extra.groupWindowMinutes ?? 60,
    level: extra.level ?? null,
    afterHours: extra.afterHours ?? null,
  };
}
