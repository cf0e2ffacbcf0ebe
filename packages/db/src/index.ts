export * from './client.ts';
export * from './ensure-database.ts';
export * from './migrate.ts';
export * from './queries/mentions.ts';
export * from './queries/rescore.ts';
export * from './queries/seed.ts';
export * from './queries/sources.ts';
export * from './queries/trust-profile.ts';
export * as schema from './schema/index.ts';
