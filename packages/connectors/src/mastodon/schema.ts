import { z } from 'zod';

/** Only the fields Barometer reads; unknown fields are dropped, missing optional ones default. */
export const MastodonAccount = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().default(''),
  url: z.string().nullable().optional(),
  bot: z.boolean().nullable().optional(),
});

const statusFields = {
  id: z.string().min(1),
  uri: z.string().min(1),
  url: z.string().nullable().optional(),
  created_at: z.string(),
  edited_at: z.string().nullable().optional(),
  in_reply_to_id: z.string().nullable().optional(),
  in_reply_to_account_id: z.string().nullable().optional(),
  content: z.string().default(''),
  spoiler_text: z.string().default(''),
  visibility: z.string().default('public'),
  language: z.string().nullable().optional(),
  replies_count: z.number().optional(),
  reblogs_count: z.number().optional(),
  favourites_count: z.number().optional(),
  account: MastodonAccount,
};

export const MastodonOriginalStatus = z.object(statusFields);

/** A boost is a wrapper whose `reblog` holds the original. */
export const MastodonStatus = z.object({
  ...statusFields,
  reblog: MastodonOriginalStatus.nullable().optional(),
});
export type MastodonStatus = z.infer<typeof MastodonStatus>;
export type MastodonOriginalStatus = z.infer<typeof MastodonOriginalStatus>;

export const MastodonStatusList = z.array(MastodonStatus);

export const MastodonSearch = z.object({
  statuses: z.array(MastodonStatus).default([]),
});

export const MastodonNotification = z.object({
  id: z.string(),
  type: z.string(),
  status: MastodonStatus.nullable().optional(),
});
export const MastodonNotificationList = z.array(MastodonNotification);

export const MastodonContext = z.object({
  ancestors: z.array(MastodonStatus),
  descendants: z.array(MastodonStatus),
});

export const MastodonInstance = z.object({
  domain: z.string().optional(),
  configuration: z
    .object({ urls: z.object({ streaming: z.string().nullable().optional() }).optional() })
    .optional(),
});

export const MastodonError = z.object({ error: z.string() });

/** A streaming message: `payload` is a JSON string of a Status, or a bare id for `delete`. */
export const MastodonStreamMessage = z.object({
  stream: z.array(z.string()).optional(),
  event: z.string(),
  payload: z.string().optional(),
});
