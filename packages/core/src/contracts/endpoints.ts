import { z } from 'zod';
import { EscalationPolicy } from '../alerts/ladder.ts';
import { Rota } from '../alerts/rota.ts';
import type { Permission } from '../auth/roles.ts';
import { IsoWeek } from '../reports/iso-week.ts';
import { ReportWeekList, ReportWeekResponse } from '../reports/week-list.ts';
import {
  AlertDetail,
  AlertDto,
  AlertListQuery,
  AlertPage,
  AlertRulesBody,
  OnCallSettings,
  ResolveAlertBody,
} from './alerts.ts';
import {
  DiscoverBody,
  DiscoveredFeed,
  ErasureBody,
  ErasureResult,
  IdParams,
  MentionDto,
  MentionListQuery,
  MentionPage,
  ScorerStatus,
  SourceCreateBody,
  SourceCredentialBody,
  SourceDeleteQuery,
  SourceDeletion,
  SourceDto,
  SourcePreset,
  SourcePreview,
  SourcePreviewBody,
  SourceUpdateBody,
} from './api.ts';
import {
  AcceptInvitationBody,
  AuditPage,
  AuditQuery,
  AuthProviders,
  InvitationDto,
  InvitationInfo,
  SessionDto,
  SignInBody,
  TokenParams,
  UserCreateBody,
  UserDto,
  UserUpdateBody,
} from './auth.ts';
import { IssueList, IssueTriageBody, IssueTriageResult } from './issues.ts';
import { SourceListResponse } from './pipeline.ts';
import { ThreadDto } from './threads.ts';

const WeekParams = z.object({ week: IsoWeek });

/**
 * Who may call a route: anyone (`public`: health, sign-in, signed one-time links), anyone signed
 * in, or holders of a permission from the role table.
 */
export type Access = 'public' | 'signed-in' | Permission;

export interface Endpoint {
  access: Access;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success status and its body; omitted for redirects, files and the websocket. */
  response?: { status: 200 | 201 | 202 | 204; body: z.ZodType };
}

const Ok = z.object({ status: z.literal('ok') });
const AckTokenParams = z.object({ token: z.string().max(300) });
const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Every route of the API, in one table: the app registers exactly these, nothing else. */
export const endpoints = {
  'GET /api/health': {
    access: 'public',
    summary: 'The process is up',
    response: { status: 200, body: Ok },
  },
  'GET /api/ready': { access: 'public', summary: 'Both stores answer' },

  'GET /api/auth/providers': {
    access: 'public',
    summary: 'How people can sign in',
    response: { status: 200, body: AuthProviders },
  },
  'POST /api/session': {
    access: 'public',
    summary: 'Sign in with e-mail and password',
    body: SignInBody,
    response: { status: 200, body: SessionDto },
  },
  'GET /api/session': {
    access: 'signed-in',
    summary: 'Who is signed in',
    response: { status: 200, body: SessionDto },
  },
  'DELETE /api/session': {
    access: 'signed-in',
    summary: 'Sign out this browser',
    response: { status: 204, body: z.null() },
  },
  'DELETE /api/sessions': {
    access: 'signed-in',
    summary: 'Sign out everywhere',
    response: { status: 204, body: z.null() },
  },
  'GET /api/auth/oidc/start': { access: 'public', summary: 'Start single sign-on (redirects)' },
  'GET /api/auth/oidc/callback': {
    access: 'public',
    summary: 'Return from single sign-on (redirects)',
  },
  'GET /api/invitations/:token': {
    access: 'public',
    summary: 'Who an invitation is for',
    params: TokenParams,
    response: { status: 200, body: InvitationInfo },
  },
  'POST /api/invitations/:token': {
    access: 'public',
    summary: 'Accept an invitation: set a password and sign in',
    params: TokenParams,
    body: AcceptInvitationBody,
    response: { status: 200, body: SessionDto },
  },

  'GET /api/issues': {
    access: 'mentions.read',
    summary: 'Open emerging issues with their explanation and mentions',
    response: { status: 200, body: IssueList },
  },

  'POST /api/issues/:id/triage': {
    access: 'issues.triage',
    summary: 'Acknowledge an emerging issue, mark it as known for a while, or dismiss it as noise',
    params: IdParams,
    body: IssueTriageBody,
    response: { status: 200, body: IssueTriageResult },
  },
  'GET /api/mentions': {
    access: 'mentions.read',
    summary: 'Mentions, newest first',
    query: MentionListQuery,
    response: { status: 200, body: MentionPage },
  },
  'GET /api/mentions/:id': {
    access: 'mentions.read',
    summary: 'One mention',
    params: IdParams,
    response: { status: 200, body: MentionDto },
  },

  'GET /api/mentions/:id/thread': {
    access: 'mentions.read',
    summary: 'The conversation around a mention: its ancestors and replies',
    params: IdParams,
    response: { status: 200, body: ThreadDto },
  },

  'GET /api/sources': {
    access: 'sources.read',
    summary: 'Sources and their health, and whether they are being polled at all',
    response: { status: 200, body: SourceListResponse },
  },
  'POST /api/sources': {
    access: 'sources.write',
    summary: 'Add a source',
    body: SourceCreateBody,
    response: { status: 201, body: SourceDto },
  },
  'POST /api/sources/preview': {
    access: 'sources.write',
    summary: 'Fetch a feed once and show what it would bring',
    body: SourcePreviewBody,
    response: { status: 200, body: SourcePreview },
  },
  'GET /api/sources/presets': {
    access: 'sources.read',
    summary: 'Ready-made searches for the trust',
    response: { status: 200, body: Items(SourcePreset) },
  },
  'POST /api/sources/discover': {
    access: 'sources.write',
    summary: 'Find the feeds a page offers',
    body: DiscoverBody,
    response: { status: 200, body: Items(DiscoveredFeed) },
  },
  'GET /api/sources/:id': {
    access: 'sources.read',
    summary: 'One source',
    params: IdParams,
    response: { status: 200, body: SourceDto },
  },
  'PATCH /api/sources/:id': {
    access: 'sources.write',
    summary: 'Rename, re-time, pause or re-point a source',
    params: IdParams,
    body: SourceUpdateBody,
    response: { status: 200, body: SourceDto },
  },
  'GET /api/sources/:id/deletion': {
    access: 'sources.delete',
    summary: 'What deleting a source would remove',
    params: IdParams,
    response: { status: 200, body: SourceDeletion },
  },
  'DELETE /api/sources/:id': {
    access: 'sources.delete',
    summary: 'Delete a source and its mentions',
    params: IdParams,
    query: SourceDeleteQuery,
    response: { status: 204, body: z.null() },
  },
  'PUT /api/sources/:id/credential': {
    access: 'sources.credentials',
    summary: "Set or replace a source's credential (stored encrypted, never shown again)",
    params: IdParams,
    body: SourceCredentialBody,
    response: { status: 204, body: z.null() },
  },
  'DELETE /api/sources/:id/credential': {
    access: 'sources.credentials',
    summary: "Remove a source's credential",
    params: IdParams,
    response: { status: 204, body: z.null() },
  },
  'POST /api/sources/:id/poll': {
    access: 'sources.poll',
    summary: 'Poll a source now',
    params: IdParams,
    response: { status: 202, body: SourceDto },
  },

  'GET /api/scorer/status': {
    access: 'scorer.read',
    summary: 'Re-scoring progress',
    response: { status: 200, body: ScorerStatus },
  },

  'GET /api/users': {
    access: 'users.read',
    summary: 'People who can sign in',
    response: { status: 200, body: Items(UserDto) },
  },
  'POST /api/users': {
    access: 'users.write',
    summary: 'Invite a person',
    body: UserCreateBody,
    response: { status: 201, body: InvitationDto },
  },
  'PATCH /api/users/:id': {
    access: 'users.write',
    summary: 'Change roles, name, or disable',
    params: IdParams,
    body: UserUpdateBody,
    response: { status: 200, body: UserDto },
  },
  'POST /api/users/:id/invitation': {
    access: 'users.write',
    summary: 'A fresh one-time link to set a password',
    params: IdParams,
    response: { status: 201, body: InvitationDto },
  },

  'GET /api/audit': {
    access: 'audit.read',
    summary: 'The audit log, newest first',
    query: AuditQuery,
    response: { status: 200, body: AuditPage },
  },
  'GET /api/audit/export': {
    access: 'audit.read',
    summary: 'The audit log as CSV',
    query: AuditQuery,
  },

  'GET /api/reports/weeks': {
    access: 'reports.read',
    summary: 'The weeks of the barometer: this one, the recent ones and every stored one',
    response: { status: 200, body: ReportWeekList },
  },
  'GET /api/reports/weeks/:week': {
    access: 'reports.read',
    summary: "One week's barometer (the stored snapshot, or built now)",
    params: WeekParams,
    response: { status: 200, body: ReportWeekResponse },
  },
  'GET /api/reports/weeks/:week/figures.csv': {
    access: 'reports.read',
    summary: "The week's figures as CSV",
    params: WeekParams,
  },
  'GET /api/reports/weeks/:week/mentions.csv': {
    access: 'reports.read',
    summary: "The week's mentions as CSV, redacted",
    params: WeekParams,
  },
  'GET /api/reports/weeks/:week/report.pdf': {
    access: 'reports.read',
    summary: 'The week as a paginated PDF (no mention text)',
    params: WeekParams,
  },
  'POST /api/reports/weeks/:week/rebuild': {
    access: 'reports.rebuild',
    summary: 'Count a finished week again and replace its stored report (audited)',
    params: WeekParams,
    response: { status: 200, body: ReportWeekResponse },
  },
  'POST /api/erasures': {
    access: 'mentions.erase',
    summary: 'Remove one person’s mentions everywhere (rows, queued jobs, dashboards), audited',
    body: ErasureBody,
    response: { status: 200, body: ErasureResult },
  },
  'GET /api/alerts': {
    access: 'alerts.read',
    summary: 'Alerts, newest first (active ones unless asked)',
    query: AlertListQuery,
    response: { status: 200, body: AlertPage },
  },
  'GET /api/alerts/rules': {
    access: 'alerts.read',
    summary: 'The alert rule table',
    response: { status: 200, body: AlertRulesBody },
  },
  'PUT /api/alerts/rules': {
    access: 'alerts.configure',
    summary: 'Replace the alert rule table',
    body: AlertRulesBody,
    response: { status: 200, body: AlertRulesBody },
  },
  'GET /api/alerts/:id': {
    access: 'alerts.read',
    summary: 'One alert with its timeline',
    params: IdParams,
    response: { status: 200, body: AlertDetail },
  },
  'POST /api/alerts/:id/acknowledge': {
    access: 'alerts.acknowledge',
    summary: 'Acknowledge an alert: its ladder stops',
    params: IdParams,
    response: { status: 200, body: AlertDto },
  },
  'POST /api/alerts/:id/resolve': {
    access: 'alerts.acknowledge',
    summary: 'Resolve an alert with a note of what was done',
    params: IdParams,
    body: ResolveAlertBody,
    response: { status: 200, body: AlertDto },
  },
  'GET /api/oncall': {
    access: 'alerts.read',
    summary: 'The on-call rota, who is on call now, and the escalation ladder',
    response: { status: 200, body: OnCallSettings },
  },
  'PUT /api/oncall/rota': {
    access: 'alerts.configure',
    summary: 'Replace the rotations and the cover',
    body: Rota,
    response: { status: 200, body: OnCallSettings },
  },
  'PUT /api/oncall/policy': {
    access: 'alerts.configure',
    summary: 'Replace the escalation ladder',
    body: EscalationPolicy,
    response: { status: 200, body: OnCallSettings },
  },
  /** The link in a page: the signed, single-use token is the proof; HTML for a browser. */
  'GET /api/ack/:token': {
    access: 'public',
    summary: 'Acknowledge an alert with the link in its message',
    params: AckTokenParams,
  },

  'GET /api/docs': { access: 'docs.read', summary: 'This API as OpenAPI 3' },
  'GET /api/live': { access: 'mentions.read', summary: 'Live events (websocket)' },
} as const satisfies Record<string, Endpoint>;

export type EndpointKey = keyof typeof endpoints;
