import { z } from 'zod';
import { Role } from '../auth/roles.ts';

export const SignInBody = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address').max(320),
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const UserDto = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  singleSignOn: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof UserDto>;

export const SessionDto = z.object({
  user: UserDto,
  /** What this person may do, from the permission table: the dashboard hides what they may not. */
  permissions: z.array(z.string()),
  expiresAt: z.string(),
  method: z.enum(['password', 'oidc']),
});
export type SessionDto = z.infer<typeof SessionDto>;

export const AuthProviders = z.object({
  password: z.boolean(),
  /** The single sign-on button's label ("Sign in with NHS mail"), when single sign-on is set up. */
  oidc: z.object({ label: z.string() }).nullable(),
});
export type AuthProviders = z.infer<typeof AuthProviders>;

const roles = z.array(Role).min(1, 'Choose at least one role');

export const UserCreateBody = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid e-mail address').max(320),
  displayName: z.string().trim().min(1, 'Give the person a name').max(200),
  roles,
});
export type UserCreateBody = z.infer<typeof UserCreateBody>;

export const UserUpdateBody = z
  .object({
    displayName: z.string().trim().min(1, 'Give the person a name').max(200),
    roles,
    disabled: z.boolean(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Change at least one thing');
export type UserUpdateBody = z.infer<typeof UserUpdateBody>;

/** A new user, or a fresh invitation: the one-time link to pass on (shown once). */
export const InvitationDto = z.object({
  user: UserDto,
  invitationUrl: z.string(),
  expiresAt: z.string(),
});
export type InvitationDto = z.infer<typeof InvitationDto>;

export const TokenParams = z.object({ token: z.string().min(20).max(200) });

export const InvitationInfo = z.object({ email: z.string(), displayName: z.string() });

export const AcceptInvitationBody = z.object({ password: z.string().max(1024) });

export const AuditQuery = z.object({
  actorUserId: z.coerce.number().int().positive().optional(),
  action: z.string().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  address: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const AuditPage = z.object({
  items: z.array(AuditEntryDto),
  nextCursor: z.number().int().nullable(),
  actions: z.array(z.string()),
});
export type AuditPage = z.infer<typeof AuditPage>;
