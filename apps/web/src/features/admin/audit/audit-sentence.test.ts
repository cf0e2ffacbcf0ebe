import type { AuditEntryDto } from '@barometer/core';
import { expect, test } from 'vitest';
import { type AuditNames, actionLabel, describeAuditEntry } from './audit-sentence.ts';

const names: AuditNames = {
  person: (id) => ({ 1: 'Sam Jones', 2: 'Ann Lee' })[id],
  source: (id) => ({ 7: 'Gazette' })[id],
};

function entry(fields: Partial<AuditEntryDto> & Pick<AuditEntryDto, 'action'>): AuditEntryDto {
  return {
    id: 1,
    at: '2026-12-01T10:00:00.000Z',
    actorUserId: 1,
    actorLabel: 'sam@trust.example',
    subjectType: 'source',
    subjectId: '7',
    before: null,
    after: null,
    requestId: null,
    address: null,
    ...fields,
  };
}

test('a rename reads with the old name and the new one', () => {
  const e = entry({
    action: 'source.updated',
    before: { name: 'Local news' },
    after: { name: 'Gazette' },
  });
  expect(describeAuditEntry(e, names)).toBe("Sam Jones renamed source 'Local news' to 'Gazette'");
});

test('several changes to a source name it once and then say "it"', () => {
  const e = entry({
    action: 'source.updated',
    before: { name: 'Local news', pollIntervalSeconds: 600, enabled: true },
    after: { name: 'Gazette', pollIntervalSeconds: 30, enabled: false },
  });
  expect(describeAuditEntry(e, names)).toBe(
    "Sam Jones renamed source 'Local news' to 'Gazette', set it to be checked every 0.5 min (was 10 min) and paused it",
  );
});

test('a re-timed source says the interval in minutes', () => {
  const e = entry({
    action: 'source.updated',
    before: { pollIntervalSeconds: 300 },
    after: { pollIntervalSeconds: 90 },
  });
  expect(describeAuditEntry(e, names)).toBe(
    "Sam Jones set source 'Gazette' to be checked every 1.5 min (was 5 min)",
  );
});

test('a deleted source is named from the entry, with how many mentions went', () => {
  const e = entry({
    action: 'source.deleted',
    subjectId: '99',
    before: { name: 'Old blog', url: 'https://blog.example/feed', mentions: 1204 },
  });
  expect(describeAuditEntry(e, names)).toBe(
    "Sam Jones deleted source 'Old blog' and its 1,204 mentions",
  );
});

test('a source the page no longer knows is never shown by its id', () => {
  const e = entry({ action: 'source.poll-requested', subjectId: '42' });
  const sentence = describeAuditEntry(e, names);
  expect(sentence).toBe(
    'Sam Jones asked for a source that has since been deleted to be checked now',
  );
  expect(sentence).not.toMatch(/42/);
});

test('people changes name the person and their roles in words', () => {
  const invited = entry({
    action: 'user.invited',
    subjectType: 'user',
    subjectId: '5',
    after: { email: 'kim@trust.example', displayName: 'Kim Patel', roles: ['officer', 'oncall'] },
  });
  expect(describeAuditEntry(invited, names)).toBe(
    'Sam Jones invited Kim Patel as officer and on call',
  );
  const roles = entry({
    action: 'user.roles-changed',
    subjectType: 'user',
    subjectId: '2',
    before: { roles: ['officer'], disabled: false },
    after: { roles: ['officer', 'admin'], disabled: false },
  });
  expect(describeAuditEntry(roles, names)).toBe(
    'Sam Jones changed Ann Lee’s roles from officer to officer and admin',
  );
  const enabled = entry({
    action: 'user.updated',
    subjectType: 'user',
    subjectId: '2',
    before: { disabled: true },
    after: { disabled: false },
  });
  expect(describeAuditEntry(enabled, names)).toBe('Sam Jones enabled Ann Lee’s account');
});

test('sign-ins read as what happened, a refused one with its reason', () => {
  expect(
    describeAuditEntry(entry({ action: 'session.signed-in', after: { method: 'oidc' } }), names),
  ).toBe('Sam Jones signed in with single sign-on');
  const failed = entry({
    action: 'session.sign-in-failed',
    actorUserId: null,
    actorLabel: 'kim@trust.example',
    after: { reason: 'wrong password' },
  });
  expect(describeAuditEntry(failed, names)).toBe(
    'A sign-in as kim@trust.example was refused: wrong password',
  );
});

test('the command line and the system are named in words, not by their labels', () => {
  const e = entry({
    action: 'user.disabled',
    actorUserId: null,
    actorLabel: 'cli operator',
    subjectType: 'user',
    subjectId: '2',
  });
  expect(describeAuditEntry(e, names)).toBe(
    'Someone at the server’s command line disabled Ann Lee’s account',
  );
});

test('an action this page does not know yet is spelled out from its name', () => {
  const e = entry({ action: 'mention.assigned', subjectType: 'mention', subjectId: '3' });
  expect(describeAuditEntry(e, names)).toBe('Sam Jones: mention assigned');
  expect(actionLabel('mention.assigned')).toBe('Mention assigned');
  expect(actionLabel('source.deleted')).toBe('Source deleted');
});
