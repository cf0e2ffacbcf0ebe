import { z } from 'zod';

const Link = z.object({ rel: z.string(), id: z.string().optional(), href: z.string().optional() });

export const Opinion = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  title: z.string().default(''),
  body: z.string().default(''),
  dateOfSubmission: z.string().optional(),
  dateOfPublication: z.string().optional(),
  criticality: z.string().optional(),
  progress: z.string().optional(),
  author: z.string().optional(),
  authorRole: z.string().optional(),
  links: z.array(Link).default([]),
});
export type Opinion = z.infer<typeof Opinion>;

export const OpinionResponse = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  body: z.string().default(''),
  dateOfPublication: z.string().optional(),
  responder: z.string().optional(),
  organisation: z.string().optional(),
  changeScore: z.string().optional(),
  changeInt: z.number().optional(),
});
export type OpinionResponse = z.infer<typeof OpinionResponse>;
