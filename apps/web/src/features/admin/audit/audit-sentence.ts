import type { AuditEntryDto } from '@barometer/core';
import { formatInterval } from '../../sources/poll-interval.ts';
import { rolesInWords } from '../role-labels.ts';

/** Names the log refers to by id, looked up from what the page already holds. */
export interface AuditNames {
  person(userId: number): string | undefined;
  source(sourceId: number): string | undefined;
}

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : {};
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;

const ACTOR_ALIASES: Record<string, string> = {
  system: 'Barometer',
  'cli operator': 'Someone at the server’s command line',
};

function actorName(entry: AuditEntryDto, names: AuditNames): string {
  const known = entry.actorUserId === null ? undefined : names.person(entry.actorUserId);
  return known ?? ACTOR_ALIASES[entry.actorLabel] ?? entry.actorLabel;
}

function subjectNumber(entry: AuditEntryDto): number | undefined {
  const id = Number(entry.subjectId);
  return entry.subjectId !== null && Number.isInteger(id) ? id : undefined;
}

function personName(entry: AuditEntryDto, names: AuditNames, before: Fields, after: Fields) {
  const id = subjectNumber(entry);
  return (
    (id === undefined ? undefined : names.person(id)) ??
    text(after.displayName) ??
    text(before.displayName) ??
    text(after.email) ??
    'a person'
  );
}

function sourceName(entry: AuditEntryDto, names: AuditNames, before: Fields, after: Fields) {
  const id = subjectNumber(entry);
  const name =
    text(before.name) ?? (id === undefined ? undefined : names.source(id)) ?? text(after.name);
  return name ? `source '${name}'` : 'a source that has since been deleted';
}

/** One phrase per changed setting of a source; `it` is the source's name or "it". */
function sourceChanges(before: Fields, after: Fields): ((it: string) => string)[] {
  const phrases: ((it: string) => string)[] = [];
  if ('name' in after) phrases.push((it) => `renamed ${it} to '${text(after.name) ?? ''}'`);
  if (typeof after.pollIntervalSeconds === 'number') {
    const every = formatInterval(after.pollIntervalSeconds);
    const was =
      typeof before.pollIntervalSeconds === 'number'
        ? ` (was ${formatInterval(before.pollIntervalSeconds)})`
        : '';
    phrases.push((it) => `set ${it} to be checked every ${every}${was}`);
  }
  if (after.enabled === false) phrases.push((it) => `paused ${it}`);
  if (after.enabled === true) phrases.push((it) => `resumed ${it}`);
  if ('url' in after) {
    phrases.push((it) => `changed the address of ${it} to ${text(after.url) ?? ''}`);
  }
  if (after.isQueryFeed === true) phrases.push((it) => `made ${it} keep every item`);
  if (after.isQueryFeed === false) {
    phrases.push((it) => `made ${it} keep only items that mention the trust`);
  }
  return phrases;
}

/** The first change names the source, the rest say "it": "renamed source 'A' to 'B' and paused it". */
function sourceUpdated(actor: string, source: string, before: Fields, after: Fields): string {
  const changes = sourceChanges(before, after);
  if (changes.length === 0) return `${actor} changed ${source}`;
  const phrases = changes.map((phrase, i) => phrase(i === 0 ? source : 'it'));
  const last = phrases.pop()!;
  return `${actor} ${phrases.length > 0 ? `${phrases.join(', ')} and ${last}` : last}`;
}

const FAILURE_REASON: Record<string, string> = {
  'wrong password': 'wrong password',
  'unknown account': 'there is no account with this address',
  disabled: 'the account is disabled',
};

/** "mention.assigned" -> "mention assigned": for actions this page does not know yet. */
function actionInWords(action: string): string {
  return action.replace(/[._-]+/g, ' ').trim();
}

/**
 * One audit entry as a sentence a comms officer can read ("Sam Jones renamed source 'Local news'
 * to 'Gazette'"). Ids never appear: people and sources are named from the entry itself or from
 * `names`, and an action this page does not know is spelled out from its name.
 */
export function describeAuditEntry(entry: AuditEntryDto, names: AuditNames): string {
  const actor = actorName(entry, names);
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  const person = () => personName(entry, names, before, after);
  const source = () => sourceName(entry, names, before, after);

  switch (entry.action) {
    case 'session.signed-in':
      return after.method === 'oidc'
        ? `${actor} signed in with single sign-on`
        : `${actor} signed in`;
    case 'session.signed-out':
      return `${actor} signed out`;
    case 'session.signed-out-everywhere':
      return `${actor} signed out on every device`;
    case 'session.sign-in-failed': {
      const reason = FAILURE_REASON[text(after.reason) ?? ''];
      return `A sign-in as ${entry.actorLabel} was refused${reason ? `: ${reason}` : ''}`;
    }
    case 'user.invited':
    case 'user.created': {
      const roles = strings(after.roles);
      const verb = entry.action === 'user.invited' ? 'invited' : 'added';
      return `${actor} ${verb} ${person()}${roles ? ` as ${rolesInWords(roles)}` : ''}`;
    }
    case 'user.invitation-renewed':
      return `${actor} made a new invitation link for ${person()}`;
    case 'user.password-set':
      return `${person()} set a password`;
    case 'user.disabled':
      return `${actor} disabled ${person()}’s account`;
    case 'user.roles-changed': {
      const from = strings(before.roles);
      const to = strings(after.roles);
      if (!to) return `${actor} changed ${person()}’s roles`;
      return `${actor} changed ${person()}’s roles${from ? ` from ${rolesInWords(from)}` : ''} to ${rolesInWords(to)}`;
    }
    case 'user.updated': {
      if (before.disabled === true && after.disabled === false) {
        return `${actor} enabled ${person()}’s account`;
      }
      const from = text(before.displayName);
      const to = text(after.displayName);
      if (from && to && from !== to) return `${actor} renamed ${from} to ${to}`;
      return `${actor} changed ${person()}’s account`;
    }
    case 'source.created':
      return `${actor} added source '${text(after.name) ?? 'untitled'}'`;
    case 'source.updated':
      return sourceUpdated(actor, source(), before, after);
    case 'source.deleted': {
      const count = typeof before.mentions === 'number' ? before.mentions : null;
      const mentions =
        count === null
          ? ''
          : ` and its ${count.toLocaleString('en-GB')} mention${count === 1 ? '' : 's'}`;
      return `${actor} deleted ${source()}${mentions}`;
    }
    case 'source.poll-requested':
      return `${actor} asked for ${source()} to be checked now`;
    default:
      return `${actor}: ${actionInWords(entry.action)}`;
  }
}

/** The action filter's options, in words ("source.updated" -> "Source changed"). */
export const ACTION_LABEL: Record<string, string> = {
  'session.signed-in': 'Signed in',
  'session.signed-out': 'Signed out',
  'session.signed-out-everywhere': 'Signed out on every device',
  'session.sign-in-failed': 'Sign-in refused',
  'user.invited': 'Person invited',
  'user.created': 'Person added',
  'user.invitation-renewed': 'New invitation link',
  'user.password-set': 'Password set',
  'user.disabled': 'Account disabled',
  'user.roles-changed': 'Roles changed',
  'user.updated': 'Account changed or enabled',
  'source.created': 'Source added',
  'source.updated': 'Source changed',
  'source.deleted': 'Source deleted',
  'source.poll-requested': 'Check requested',
};

export function actionLabel(action: string): string {
  const label = ACTION_LABEL[action];
  if (label) return label;
  const words = actionInWords(action);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
