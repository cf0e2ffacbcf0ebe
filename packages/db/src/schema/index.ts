export * from './audit-log.ts';
export * from './detection.ts';
export * from './mentions.ts';
export * from './reports.ts';
export * from './social.ts';
export * from './sources.ts';
export * from './trust-profile.ts';
export * from './users.ts';
