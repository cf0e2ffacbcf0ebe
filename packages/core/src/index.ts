export * from './contracts/api.ts';
export * from './contracts/jobs.ts';
export * from './contracts/live.ts';
export * from './env.ts';
export * from './feed/index.ts';
export * from './mention.ts';
export * from './scoring/score-mention.ts';
export * from './trust-profile.ts';
