import type { SocialAuthor } from './world.ts';

/** What every fake platform needs to make a post; each adds its own extras. */
export type PostInput = {
  author: SocialAuthor;
  text: string;
  html: string;
  title?: string;
  parentId?: string;
  createdAt?: Date;
};
