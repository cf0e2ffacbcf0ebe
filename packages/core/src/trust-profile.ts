import { z } from 'zod';

/** What counts as a mention of the trust, and the trust's own taxonomy for topics. */
export const TrustProfile = z.object({
  name: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  /** Social handles, with or without the leading @ (e.g. "@NorthfieldNHS"). */
  handles: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  /** Hashtags, with or without the leading # (e.g. "#NorthfieldHospital"). */
  hashtags: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
  /** The trust's web sites (hostnames), e.g. "northfield.nhs.uk". */
  sites: z.array(z.string().trim().min(1).max(253)).max(50).default([]),
  /** Topic name -> keywords (sites, wards, departments, services, campaigns). */
  taxonomy: z.record(z.string().min(1).max(200), z.array(z.string().min(1).max(200))).default({}),
});
export type TrustProfile = z.infer<typeof TrustProfile>;
