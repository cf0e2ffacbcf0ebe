import { can, redactionOptions, viewMention } from '@barometer/core';
import { getMention, listMentions, recordAudit } from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import { notFound } from '../http-error.ts';
import { actorOf, requireViewer } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'config'>;

export function list(deps: Deps): RouteHandler<'GET /api/mentions'> {
  return async (req) => {
    const raw = can(requireViewer(req).roles, 'mentions.read-raw');
    const page = await listMentions(deps.database.pool, req.query);
    return {
      ...page,
      items: page.items.map((m) =>
        viewMention(m, { raw, redaction: redactionOptions(deps.config) }),
      ),
    };
  };
}

export function show(deps: Deps): RouteHandler<'GET /api/mentions/:id'> {
  return async (req) => {
    const raw = can(requireViewer(req).roles, 'mentions.read-raw');
    const mention = await getMention(deps.database.pool, req.params.id);
    if (!mention) throw notFound('mention');
    // Opening a flagged mention's text as written (patient details, a safeguarding account) is
    // itself recorded: who read it, and when.
    const { flags } = mention;
    if (raw && (flags.safeguarding || flags.patientSafety || flags.pii)) {
      await recordAudit(deps.database.pool, actorOf(req), {
        action: 'mention.viewed-raw',
        subjectType: 'mention',
        subjectId: mention.id,
        after: { flags: Object.keys(flags).filter((f) => flags[f as keyof typeof flags]) },
      });
    }
    return viewMention(mention, { raw, redaction: redactionOptions(deps.config) });
  };
}
